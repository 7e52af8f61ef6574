#!/usr/bin/env python3
"""Trains logistic regression by batch gradient descent with an L2 penalty.

Deterministic: the weights start at zero and every epoch sums the rows in
file order, so the same training split and hyperparameters give the same
model bit for bit. Two classes give a sigmoid model; more give softmax.

Input:  {"trainPath": ".../train.json", "runDirectory": "runs/<id>",
         "hyperparameters": {"learningRate": 0.1, "epochs": 300, "l2": 0.01}}
Output: {"artifactPath", "trainingLoss", "initialLoss", "trainAccuracy",
         "trainRows", "hyperparameters"}
Writes: <run directory>/model.json (format "cairn-logistic-regression/1").
Errors: Model.TrainingDiverged, Data.FileNotFound, Data.InvalidSplit,
        Input.Invalid, IO.WriteFailed
"""

import math
import os

from ml import ARTIFACT_FORMAT, SPLIT_FORMAT, LogisticRegression
from task_io import (
    TaskError,
    context,
    log,
    optional,
    read_json_file,
    require,
    run,
    run_directory,
    write_json_atomically,
)

# How often the loss is computed to catch divergence early.
CHECK_EVERY = 25


def read_hyperparameters(payload):
    given = optional(payload, "hyperparameters", dict, {})
    learning_rate = optional(given, "learningRate", float, 0.1)
    epochs = optional(given, "epochs", int, 300)
    l2 = optional(given, "l2", float, 0.01)
    if learning_rate <= 0:
        raise TaskError("Input.Invalid", f"learningRate must be positive, not {learning_rate}")
    if not 1 <= epochs <= 100_000:
        raise TaskError("Input.Invalid", f"epochs must be between 1 and 100000, not {epochs}")
    if l2 < 0:
        raise TaskError("Input.Invalid", f"l2 must not be negative, not {l2}")
    return {"learningRate": learning_rate, "epochs": epochs, "l2": l2}


def read_split(path):
    split = read_json_file(path, "Data.FileNotFound", "Data.InvalidSplit", "training split")
    if not isinstance(split, dict) or split.get("format") != SPLIT_FORMAT:
        raise TaskError("Data.InvalidSplit", f"{path} is not a '{SPLIT_FORMAT}' file")
    features, labels = split.get("features"), split.get("labels")
    if not features or not isinstance(features, list) or len(features) != len(labels or []):
        raise TaskError("Data.InvalidSplit", f"{path} has no rows, or rows and labels disagree")
    return split


def diverged(model, loss):
    flat = model.weights if model.binary else [w for ws in model.weights for w in ws]
    return not math.isfinite(loss) or not all(math.isfinite(w) for w in flat)


def main(payload):
    train_path = require(payload, "trainPath", str)
    hyperparameters = read_hyperparameters(payload)
    if payload.get("runDirectory") or payload.get("runsRoot"):
        folder = run_directory(payload)
    else:
        folder = os.path.dirname(train_path) or "."
    split = read_split(train_path)
    rows, labels = split["features"], split["labels"]
    class_names = split["classNames"]

    model = LogisticRegression(len(class_names), len(rows[0]))
    l2 = hyperparameters["l2"]
    initial_loss = model.loss(rows, labels, l2)
    loss = initial_loss
    for epoch in range(1, hyperparameters["epochs"] + 1):
        model.step(rows, labels, hyperparameters["learningRate"], l2)
        if epoch % CHECK_EVERY == 0 or epoch == hyperparameters["epochs"]:
            loss = model.loss(rows, labels, l2)
            if diverged(model, loss) or loss > initial_loss:
                raise TaskError(
                    "Model.TrainingDiverged",
                    f"the training loss rose from {initial_loss:.6g} to {loss:.6g} by epoch "
                    f"{epoch}; lower learningRate (now {hyperparameters['learningRate']})",
                )
            if epoch % (CHECK_EVERY * 10) == 0:
                log(f"epoch {epoch}: loss {loss:.6f}")

    correct = sum(1 for row, label in zip(rows, labels) if model.predict(row) == label)
    artifact_path = os.path.join(folder, "model.json")
    write_json_atomically(
        artifact_path,
        {
            "format": ARTIFACT_FORMAT,
            "classNames": class_names,
            "weights": model.weights,
            "bias": model.bias,
            "scaler": split["scaler"],
            "hyperparameters": hyperparameters,
            "training": {
                "loss": loss,
                "initialLoss": initial_loss,
                "rows": len(rows),
                "executionId": context()["executionId"],
            },
            # Enough to rebuild the held-out rows from the raw data set later.
            "heldOut": {"dataset": split.get("dataset"), "split": split.get("split")},
        },
    )
    log(f"trained on {len(rows)} rows: loss {initial_loss:.4f} -> {loss:.4f}")
    return {
        "artifactPath": artifact_path,
        "trainingLoss": loss,
        "initialLoss": initial_loss,
        "trainAccuracy": correct / len(rows),
        "trainRows": len(rows),
        "hyperparameters": hyperparameters,
    }


if __name__ == "__main__":
    run(main)
