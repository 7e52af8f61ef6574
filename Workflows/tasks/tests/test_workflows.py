"""Walks the example workflows with the task scripts and stubbed built-ins.

Checks that the YAML's paths, payloads and branches fit the scripts, before
Cairn itself can run them. Needs a YAML reader (ruamel.yaml, which
check-jsonschema installs, or PyYAML); without one the tests are skipped.

    python3 -m unittest discover -s Workflows/tasks/tests -v
"""

import json
import os
import shutil
import sys
import tempfile
import unittest

TESTS = os.path.dirname(os.path.abspath(__file__))
# Works both with `discover -s Workflows/tasks/tests` and with `-t .`.
sys.path.insert(0, TESTS)

from asl_dry_run import Builtins, DryRun  # noqa: E402

WORKFLOWS = os.path.dirname(os.path.dirname(TESTS))
TRAINING = os.path.join(WORKFLOWS, "model-training-pipeline.yaml")
EVALUATION = os.path.join(WORKFLOWS, "model-evaluation.yaml")


def have_yaml():
    for name in ("ruamel.yaml", "yaml"):
        try:
            __import__(name)
            return True
        except ImportError:
            continue
    return False


class StrictGate(Builtins):
    """Reports a poor accuracy to the gate, to walk the rejection path."""

    def gate(self, parameters):
        metrics = dict(parameters["Metrics"], accuracy=0.5)
        return super().gate(dict(parameters, Metrics=metrics))


@unittest.skipUnless(have_yaml(), "needs ruamel.yaml or PyYAML to read the workflows")
class WorkflowDryRunTests(unittest.TestCase):
    def setUp(self):
        self.runs = tempfile.mkdtemp(prefix="cairn-workflow-tests-")
        self.addCleanup(shutil.rmtree, self.runs, ignore_errors=True)

    def input_file(self, name, **changes):
        with open(os.path.join(WORKFLOWS, "inputs", name), encoding="utf-8") as stream:
            value = json.load(stream)
        value.update(runsRoot=self.runs, **changes)
        return value

    def alerts(self, execution_id):
        with open(
            os.path.join(self.runs, execution_id, "alerts.jsonl"), encoding="utf-8"
        ) as stream:
            return [json.loads(line) for line in stream]

    def test_training_pipeline_approves_a_good_model(self):
        builtins = Builtins()
        outcome = DryRun(TRAINING, "train-1", builtins).run(self.input_file("breast-cancer.json"))
        self.assertEqual(outcome.status, "SUCCEEDED", f"{outcome.error}: {outcome.cause}")
        self.assertEqual(
            outcome.visited,
            [
                "ApplyDefaults",
                "MergeDefaults",
                "ValidateData",
                "EngineerFeatures",
                "Train",
                "Evaluate",
                "QualityGate",
                "GateDecision",
                "RegisterModel",
                "ApproveModel",
                "ModelApproved",
            ],
        )
        output = outcome.output
        self.assertGreaterEqual(output["evaluation"]["metrics"]["accuracy"], 0.90)
        self.assertTrue(output["gate"]["passed"])
        self.assertEqual(
            [c["metric"] for c in output["gate"]["checks"]],
            ["accuracy", "precision", "recall", "latency_p95_ms"],
        )
        self.assertNotIn("scaler", output["features"], "ResultSelector keeps the state small")
        version = builtins.models["breast-cancer-classifier"][0]
        self.assertEqual(version["status"], "APPROVED")
        self.assertEqual(version["parameters"], {"learningRate": 0.1, "epochs": 300, "l2": 0.01})
        self.assertTrue(
            version["statusReason"].startswith("passed the quality gate: accuracy 0.97")
        )
        self.assertTrue(os.path.isfile(version["artifactPath"]))
        self.assertEqual(
            os.path.dirname(version["artifactPath"]), os.path.join(self.runs, "train-1")
        )

    def test_training_defaults_fill_an_input_that_only_names_the_runs_folder(self):
        outcome = DryRun(TRAINING, "train-defaults").run({"runsRoot": self.runs, "seed": 7})
        self.assertEqual(outcome.status, "SUCCEEDED", f"{outcome.error}: {outcome.cause}")
        self.assertEqual(outcome.output["dataset"], "data/breast_cancer.csv")
        self.assertEqual(outcome.output["features"]["split"]["seed"], 7)

    def test_broken_header_fails_the_run_with_the_data_error(self):
        outcome = DryRun(TRAINING, "broken-1").run(self.input_file("broken-header.json"))
        self.assertEqual(outcome.status, "FAILED")
        self.assertEqual(outcome.error, "Data.HeaderMismatch")
        self.assertEqual(
            outcome.cause, "broken_header.csv: header says 569 rows but the file has 60"
        )
        self.assertEqual(outcome.visited[-3:], ["ValidateData", "Alert", "PipelineFailed"])
        [alert] = self.alerts("broken-1")
        self.assertEqual(alert["error"], "Data.HeaderMismatch")
        self.assertEqual(alert["completed"], [])

    def test_training_rejection_path_registers_rejects_and_fails(self):
        builtins = StrictGate()
        outcome = DryRun(TRAINING, "reject-1", builtins).run(self.input_file("breast-cancer.json"))
        self.assertEqual(outcome.status, "FAILED")
        self.assertEqual(outcome.error, "Model.QualityGateRejected")
        self.assertTrue(
            outcome.cause.startswith(
                'breast-cancer-classifier version 1 failed the quality gate: [{"metric":"accuracy"'
            ),
            outcome.cause,
        )
        self.assertEqual(
            outcome.visited[-7:],
            [
                "GateDecision",
                "RegisterRejectedModel",
                "CollectFailedChecks",
                "DescribeRejection",
                "RejectModel",
                "Alert",
                "PipelineFailed",
            ],
        )
        version = builtins.models["breast-cancer-classifier"][0]
        self.assertEqual(version["status"], "REJECTED")
        self.assertEqual(version["statusReason"], outcome.cause)
        self.assertEqual(self.alerts("reject-1")[0]["error"], "Model.QualityGateRejected")

    def test_evaluation_registers_and_approves_the_example_model(self):
        builtins = Builtins()
        outcome = DryRun(EVALUATION, "eval-1", builtins).run(self.input_file("evaluate-model.json"))
        self.assertEqual(outcome.status, "SUCCEEDED", f"{outcome.error}: {outcome.cause}")
        self.assertIn("RegisterCandidate", outcome.visited)
        self.assertEqual(outcome.visited[-2:], ["ApproveModel", "Approved"])
        self.assertEqual(outcome.output["evaluation"]["samples"], 113)
        self.assertEqual(builtins.models["breast-cancer-classifier"][0]["status"], "APPROVED")

    def test_evaluation_of_a_registered_version_uses_that_version(self):
        builtins = Builtins()
        for _ in range(2):
            builtins.run(
                "cairn:registry.register",
                {"ModelName": "breast-cancer-classifier", "ArtifactPath": "x"},
            )
        outcome = DryRun(EVALUATION, "eval-2", builtins).run(
            self.input_file("evaluate-model.json", version=2)
        )
        self.assertEqual(outcome.status, "SUCCEEDED", f"{outcome.error}: {outcome.cause}")
        self.assertIn("UseGivenVersion", outcome.visited)
        statuses = [v["status"] for v in builtins.models["breast-cancer-classifier"]]
        self.assertEqual(statuses, ["PENDING_APPROVAL", "APPROVED"])

    def test_evaluation_rejects_the_always_malignant_model(self):
        builtins = Builtins()
        outcome = DryRun(EVALUATION, "eval-3", builtins).run(
            self.input_file("evaluate-bad-model.json")
        )
        self.assertEqual(outcome.status, "FAILED")
        self.assertEqual(outcome.error, "Model.QualityGateRejected")
        failed = json.loads(outcome.cause.split("failed the quality gate: ", 1)[1])
        self.assertEqual([c["metric"] for c in failed], ["accuracy", "precision", "recall", "f1"])
        self.assertEqual(builtins.models["breast-cancer-baseline"][0]["status"], "REJECTED")

    def test_evaluation_of_a_missing_artifact_fails_with_its_error(self):
        outcome = DryRun(EVALUATION, "eval-4").run(
            self.input_file("evaluate-model.json", artifactPath="models/none.json")
        )
        self.assertEqual(outcome.status, "FAILED")
        self.assertEqual(outcome.error, "Model.ArtifactNotFound")
        self.assertEqual(outcome.visited, ["ValidateArtifact", "Alert", "EvaluationFailed"])


if __name__ == "__main__":
    unittest.main()
