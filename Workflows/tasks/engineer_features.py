#!/usr/bin/env python3
"""Splits a data set into training and test parts and standardises both.

The split is stratified: each class puts the same fraction of its rows,
chosen by a seeded shuffle, into the test part. The scaler (per-feature mean
and standard deviation) is fitted on the training part only and applied to
both parts, so nothing about the test rows leaks into training.

Input:  {"dataset": "data/breast_cancer.csv", "seed": 42, "testFraction": 0.2,
         "runsRoot": "runs"}            (or "runDirectory" to name the folder)
Output: {"runDirectory", "trainPath", "testPath", "split", "trainRows",
         "testRows", "trainClassBalance", "testClassBalance", "scaler"}
Writes: <run directory>/train.json and test.json (format "cairn-split/1").
Errors: the Data.* errors of validate_data.py, Data.TooFewSamples,
        Input.Invalid, IO.WriteFailed
"""

import os

from ml import SPLIT_FORMAT, fit_scaler, read_dataset, scale, stratified_split
from task_io import log, optional, require, run, run_directory, write_json_atomically


def main(payload):
    path = require(payload, "dataset", str)
    seed = optional(payload, "seed", int, 42)
    test_fraction = optional(payload, "testFraction", float, 0.2)
    folder = run_directory(payload)

    dataset = read_dataset(path)
    train_rows, test_rows = stratified_split(dataset.labels, test_fraction, seed)
    means, stds = fit_scaler([dataset.features[i] for i in train_rows])
    split = {"method": "stratified", "seed": seed, "testFraction": test_fraction}
    scaler = {"means": means, "stds": stds}

    paths = {}
    balances = {}
    for part, rows in (("train", train_rows), ("test", test_rows)):
        labels = [dataset.labels[i] for i in rows]
        balances[part] = {
            name: labels.count(index) for index, name in enumerate(dataset.class_names)
        }
        paths[part] = os.path.join(folder, f"{part}.json")
        write_json_atomically(
            paths[part],
            {
                "format": SPLIT_FORMAT,
                "part": part,
                "dataset": path,
                "split": split,
                "classNames": dataset.class_names,
                "scaler": scaler,
                "rowIndices": rows,
                "features": scale([dataset.features[i] for i in rows], means, stds),
                "labels": labels,
            },
            pretty=False,
        )
    log(f"{len(train_rows)} training rows, {len(test_rows)} test rows in {folder}")
    return {
        "runDirectory": folder,
        "trainPath": paths["train"],
        "testPath": paths["test"],
        "split": split,
        "trainRows": len(train_rows),
        "testRows": len(test_rows),
        "trainClassBalance": balances["train"],
        "testClassBalance": balances["test"],
        "scaler": scaler,
    }


if __name__ == "__main__":
    run(main)
