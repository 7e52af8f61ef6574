#!/usr/bin/env python3
"""Checks a data set file against its own header.

Input:  {"dataset": "data/breast_cancer.csv"}
Output: {"path", "rows", "features", "classNames", "classBalance"}
Errors: Data.FileNotFound, Data.Unreadable, Data.Empty, Data.HeaderInvalid,
        Data.HeaderMismatch, Data.InvalidValue, Data.LabelOutOfRange,
        Input.Invalid
"""

from ml import read_dataset
from task_io import log, require, run


def main(payload):
    path = require(payload, "dataset", str)
    dataset = read_dataset(path)
    balance = dataset.class_balance()
    log(f"{path}: {len(dataset.labels)} rows, {dataset.feature_count} features, {balance}")
    return {
        "path": path,
        "rows": len(dataset.labels),
        "features": dataset.feature_count,
        "classNames": dataset.class_names,
        "classBalance": balance,
    }


if __name__ == "__main__":
    run(main)
