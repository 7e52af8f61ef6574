#!/usr/bin/env python3
"""Checks that a model artifact has the expected shape and can predict.

Input:  the model-evaluation workflow's input:
        {"modelName": "breast-cancer-classifier",
         "version": optional registered version (1 or more),
         "artifactPath": "runs/<id>/model.json",
         "dataset": optional raw data set to evaluate on instead of the
                    held-out rows the artifact records,
         "runsRoot": optional, default "runs"}
Output: {"path", "sha256", "classNames", "features", "hyperparameters",
         "heldOut": {"dataset", "split"}, "runDirectory"}
Errors: Model.ArtifactNotFound, Model.ArtifactInvalid, Input.Invalid
"""

import hashlib
import math

from ml import load_artifact
from task_io import TaskError, log, optional, require, run, run_directory


def main(payload):
    require(payload, "modelName", str)
    version = optional(payload, "version", int, None)
    if version is not None and version < 1:
        raise TaskError("Input.Invalid", f"version must be 1 or more, not {version}")
    path = require(payload, "artifactPath", str)
    artifact, model = load_artifact(path)

    width = len(artifact["scaler"]["means"])
    probabilities = model.probabilities([0.0] * width)
    if not all(math.isfinite(p) for p in probabilities) or abs(sum(probabilities) - 1) > 1e-9:
        raise TaskError("Model.ArtifactInvalid", f"{path}: the model does not give probabilities")

    dataset = optional(payload, "dataset", str, None)
    if dataset:
        # New data: every row counts, so no split is applied.
        held_out = {"dataset": dataset, "split": None}
    else:
        held_out = artifact.get("heldOut")
        if not isinstance(held_out, dict) or not isinstance(held_out.get("dataset"), str):
            raise TaskError(
                "Model.ArtifactInvalid",
                f"{path} records no held-out data; give 'dataset' in the input",
            )
    with open(path, "rb") as stream:
        digest = hashlib.sha256(stream.read()).hexdigest()
    log(f"{path}: {len(artifact['classNames'])} classes, {width} features, sha256 {digest[:12]}")
    return {
        "path": path,
        "sha256": digest,
        "classNames": artifact["classNames"],
        "features": width,
        "hyperparameters": artifact.get("hyperparameters", {}),
        "heldOut": {"dataset": held_out["dataset"], "split": held_out.get("split")},
        "runDirectory": run_directory(payload),
    }


if __name__ == "__main__":
    run(main)
