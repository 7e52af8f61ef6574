"""Tests of the example pipelines' task scripts and workflows."""
