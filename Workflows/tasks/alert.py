#!/usr/bin/env python3
"""Records a failed run: appends one JSON line to <run directory>/alerts.jsonl.

A workflow's Catch puts {"Error", "Cause"} into the state data (the
pipelines here use ResultPath "$.failure") and routes to this task, which
gets the whole state data as input. It records what failed, which results
the run had produced before that, and prints a summary. It exits 0 so that
the workflow goes on to its Fail state, which reports the original error.

Input:  {"failure": {"Error": "Data.HeaderMismatch", "Cause": "..."},
         "runsRoot" or "runDirectory" (or "features"/"artifact": {"runDirectory"}),
         "modelName": optional, ...the rest of the state data}
Output: {"alertsPath", "error", "cause", "summary", "completed"}
Errors: IO.WriteFailed (the alert could not be written)
"""

import datetime
import json
import os

from task_io import TaskError, context, log, run, run_directory

# The keys under which the example pipelines keep each step's result, in
# pipeline order; those present tell how far the run got.
STEP_RESULTS = (
    "validation",
    "artifact",
    "features",
    "training",
    "evaluation",
    "gate",
    "registration",
    "rejection",
)


def already_recorded(path, key):
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            try:
                if json.loads(line).get("idempotencyKey") == key:
                    return True
            except (json.JSONDecodeError, AttributeError):
                continue
    return False


def main(payload):
    failure = payload.get("failure")
    if not isinstance(failure, dict):
        failure = {}
    error = failure.get("Error") or failure.get("error") or "Unknown"
    cause = failure.get("Cause") or failure.get("cause") or "no cause was recorded"
    if not isinstance(cause, str):
        cause = json.dumps(cause)

    # Prefer the folder the run already wrote into over a fresh one.
    for step in ("features", "artifact"):
        result = payload.get(step)
        if not payload.get("runDirectory") and isinstance(result, dict):
            if isinstance(result.get("runDirectory"), str):
                payload = dict(payload, runDirectory=result["runDirectory"])
    folder = run_directory(payload)

    completed = [key for key in STEP_RESULTS if isinstance(payload.get(key), dict)]
    ctx = context()
    record = {
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "executionId": ctx["executionId"],
        "state": ctx["stateName"],
        "attempt": ctx["attempt"],
        "modelName": payload.get("modelName"),
        "error": error,
        "cause": cause,
        "completed": completed,
    }
    record["idempotencyKey"] = ctx["idempotencyKey"]
    path = os.path.join(folder, "alerts.jsonl")
    try:
        # A task re-run after a crash has the same idempotency key: one line only.
        if not (ctx["idempotencyKey"] and already_recorded(path, ctx["idempotencyKey"])):
            with open(path, "a", encoding="utf-8") as stream:
                stream.write(json.dumps(record) + "\n")
    except OSError as problem:
        raise TaskError("IO.WriteFailed", f"cannot append to {path}: {problem}") from None
    summary = f"{error}: {cause}"
    log(f"ALERT {summary} (recorded in {path})")
    return {
        "alertsPath": path,
        "error": error,
        "cause": cause,
        "summary": summary,
        "completed": completed,
    }


if __name__ == "__main__":
    run(main)
