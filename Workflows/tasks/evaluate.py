#!/usr/bin/env python3
"""Measures a model artifact on held-out data.

Binary models report precision, recall and F1 for the positive class, which
is class index 1 of the data set (for breast_cancer: "benign"). Models of
more classes report the unweighted (macro) mean over classes instead.
latency_p95_ms is the 95th percentile (nearest rank) of the time to predict
one row at a time, as a served model would.

Input:  {"modelPath": "runs/<id>/model.json", and one of
           "testPath": "runs/<id>/test.json"       (a split from engineer_features.py),
           "heldOut": {"dataset": ..., "split": {"seed", "testFraction"}}
                                                    (rebuild the held-out rows),
           "dataset": "data/new.csv"               (every row of a raw data set),
           nothing                                 (the held-out record in the artifact);
         "runDirectory": optional, where metrics.json is written}
Output: {"metrics": {"accuracy", "precision", "recall", "f1", "latency_p95_ms"},
         "positiveClass", "average", "samples", "confusionMatrix", "data",
         "metricsPath"}
Errors: Model.ArtifactNotFound, Model.ArtifactInvalid, Model.DataMismatch,
        the Data.* errors of validate_data.py, Data.InvalidSplit, Input.Invalid
"""

import math
import os
import time

from ml import SPLIT_FORMAT, load_artifact, read_dataset, scale, stratified_split
from task_io import (
    TaskError,
    log,
    optional,
    read_json_file,
    require,
    run,
    run_directory,
    write_json_atomically,
)


def scaled_rows_from_split(path, artifact):
    split = read_json_file(path, "Data.FileNotFound", "Data.InvalidSplit", "test split")
    if not isinstance(split, dict) or split.get("format") != SPLIT_FORMAT:
        raise TaskError("Data.InvalidSplit", f"{path} is not a '{SPLIT_FORMAT}' file")
    scaler = split.get("scaler") or {}
    if not _close(scaler.get("means"), artifact["scaler"]["means"]) or not _close(
        scaler.get("stds"), artifact["scaler"]["stds"]
    ):
        raise TaskError(
            "Model.DataMismatch",
            f"{path} was standardised with other means/stds than the model's; "
            "evaluate on the split the model was trained with, or on raw data",
        )
    return split["features"], split["labels"], split.get("classNames"), {"testPath": path}


def scaled_rows_from_dataset(path, split, artifact):
    dataset = read_dataset(path)
    indices = list(range(len(dataset.labels)))
    description = {"dataset": path, "part": "all"}
    if split:
        seed = optional(split, "seed", int, 42)
        fraction = optional(split, "testFraction", float, 0.2)
        _, indices = stratified_split(dataset.labels, fraction, seed)
        description = {"dataset": path, "part": "test", "seed": seed, "testFraction": fraction}
    rows = [dataset.features[i] for i in indices]
    labels = [dataset.labels[i] for i in indices]
    scaler = artifact["scaler"]
    if dataset.feature_count != len(scaler["means"]):
        raise TaskError(
            "Model.DataMismatch",
            f"{os.path.basename(path)} has {dataset.feature_count} features but the model "
            f"expects {len(scaler['means'])}",
        )
    return scale(rows, scaler["means"], scaler["stds"]), labels, dataset.class_names, description


def _close(left, right):
    if not isinstance(left, list) or not isinstance(right, list) or len(left) != len(right):
        return False
    return all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12) for a, b in zip(left, right))


def percentile(values, fraction):
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def metrics_for(predictions, labels, class_count):
    matrix = [[0] * class_count for _ in range(class_count)]
    for predicted, actual in zip(predictions, labels):
        matrix[actual][predicted] += 1
    accuracy = sum(matrix[k][k] for k in range(class_count)) / len(labels)

    def scores(k):
        tp = matrix[k][k]
        predicted = sum(matrix[a][k] for a in range(class_count))
        actual = sum(matrix[k])
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    if class_count == 2:
        precision, recall, f1 = scores(1)
    else:
        per_class = [scores(k) for k in range(class_count)]
        precision, recall, f1 = (sum(s[i] for s in per_class) / class_count for i in range(3))
    return matrix, {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def main(payload):
    model_path = require(payload, "modelPath", str)
    artifact, model = load_artifact(model_path)
    if payload.get("testPath"):
        rows, labels, class_names, data = scaled_rows_from_split(
            require(payload, "testPath", str), artifact
        )
    elif payload.get("dataset"):
        rows, labels, class_names, data = scaled_rows_from_dataset(
            require(payload, "dataset", str), None, artifact
        )
    else:
        held_out = optional(payload, "heldOut", dict, None) or artifact.get("heldOut") or {}
        if not isinstance(held_out, dict) or not isinstance(held_out.get("dataset"), str):
            raise TaskError(
                "Input.Invalid",
                "give 'testPath', 'dataset' or 'heldOut', or use an artifact that records "
                "its held-out data",
            )
        rows, labels, class_names, data = scaled_rows_from_dataset(
            held_out["dataset"], optional(held_out, "split", dict, {}) or {}, artifact
        )

    if class_names != artifact["classNames"]:
        raise TaskError(
            "Model.DataMismatch",
            f"the data's classes {class_names} are not the model's {artifact['classNames']}",
        )
    if not rows:
        raise TaskError("Data.Empty", "there are no rows to evaluate on")
    if len(rows[0]) != len(artifact["scaler"]["means"]):
        raise TaskError("Model.DataMismatch", "the rows have another feature count than the model")

    predictions, latencies = [], []
    for row in rows:
        started = time.perf_counter_ns()
        predictions.append(model.predict(row))
        latencies.append((time.perf_counter_ns() - started) / 1e6)
    matrix, metrics = metrics_for(predictions, labels, len(class_names))
    metrics["latency_p95_ms"] = round(percentile(latencies, 0.95), 6)

    result = {
        "metrics": metrics,
        "positiveClass": {"index": 1, "name": class_names[1]} if len(class_names) == 2 else None,
        "average": "binary" if len(class_names) == 2 else "macro",
        "samples": len(labels),
        "confusionMatrix": {"classNames": class_names, "rowsActualColumnsPredicted": matrix},
        "data": data,
        "modelPath": model_path,
    }
    if payload.get("runDirectory") or payload.get("runsRoot"):
        result["metricsPath"] = os.path.join(run_directory(payload), "metrics.json")
        write_json_atomically(result["metricsPath"], result)
    log(f"{len(labels)} rows: " + ", ".join(f"{k} {v:.4f}" for k, v in metrics.items()))
    return result


if __name__ == "__main__":
    run(main)
