"""The `cairn:exec` side of a task script: input, output, errors, run folder.

Cairn runs a `cairn:exec` task as a process. It writes the task's input as
JSON to stdin and sets CAIRN_EXECUTION_ID, CAIRN_STATE_NAME, CAIRN_ATTEMPT
and CAIRN_IDEMPOTENCY_KEY. The process succeeds by printing one JSON value
on stdout and exiting 0. It fails by exiting non-zero with
`{"error": "Name", "cause": "text"}` as the last line of stdout; that name is
what the state's Retry and Catch match. Diagnostics go to stderr only, so
stdout never holds anything but the result or the error line.
"""

import json
import math
import os
import re
import sys
import tempfile


class TaskError(Exception):
    """A failure with an error name that a workflow's Retry/Catch can match."""

    def __init__(self, error, cause):
        super().__init__(f"{error}: {cause}")
        self.error = error
        self.cause = cause


def log(message):
    """Writes a diagnostic line to stderr, prefixed with the state's name."""
    state = os.environ.get("CAIRN_STATE_NAME", "task")
    print(f"[{state}] {message}", file=sys.stderr, flush=True)


def context():
    """The variables Cairn hands every `cairn:exec` process."""
    attempt = os.environ.get("CAIRN_ATTEMPT", "1")
    return {
        "executionId": os.environ.get("CAIRN_EXECUTION_ID", "local"),
        "stateName": os.environ.get("CAIRN_STATE_NAME", ""),
        "attempt": int(attempt) if attempt.isdigit() else 1,
        "idempotencyKey": os.environ.get("CAIRN_IDEMPOTENCY_KEY", ""),
    }


def read_input():
    """Reads the task input: one JSON object on stdin (empty stdin is `{}`)."""
    text = sys.stdin.read()
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise TaskError("Input.Invalid", f"stdin is not JSON: {error}") from None
    if not isinstance(value, dict):
        raise TaskError("Input.Invalid", "the task input must be a JSON object")
    return value


def require(payload, key, kind, where="input"):
    """Returns `payload[key]`, failing with Input.Invalid if absent or mistyped."""
    if key not in payload:
        raise TaskError("Input.Invalid", f"{where} has no '{key}'")
    return check_type(payload[key], key, kind)


def optional(payload, key, kind, default):
    """Returns `payload[key]` checked against `kind`, or `default` when absent."""
    if key not in payload or payload[key] is None:
        return default
    return check_type(payload[key], key, kind)


def check_type(value, key, kind):
    # bool is an int in Python; a hyperparameter of `true` is a mistake.
    if kind in (int, float) and isinstance(value, bool):
        raise TaskError("Input.Invalid", f"'{key}' must be a number, not {json.dumps(value)}")
    if kind is float and isinstance(value, int):
        value = float(value)
    if kind is int and isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, kind):
        raise TaskError(
            "Input.Invalid",
            f"'{key}' must be {kind.__name__}, not {json.dumps(value)}",
        )
    if kind is float and not math.isfinite(value):
        raise TaskError("Input.Invalid", f"'{key}' must be finite")
    return value


def run_directory(payload):
    """The folder this execution writes into, created if missing.

    `runDirectory` names it outright; otherwise it is
    `<runsRoot>/<CAIRN_EXECUTION_ID>` with `runsRoot` defaulting to `runs`.
    Keying it by the execution id keeps a retried or re-driven step writing
    into the same place as its first attempt.
    """
    explicit = optional(payload, "runDirectory", str, None)
    if explicit:
        path = explicit
    else:
        root = optional(payload, "runsRoot", str, "runs")
        # Execution ids may be ARN-like; keep the folder name portable.
        name = re.sub(r"[^A-Za-z0-9._-]", "_", context()["executionId"]) or "local"
        path = os.path.join(root, name)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as error:
        raise TaskError("IO.WriteFailed", f"cannot create run directory {path}: {error}")
    return os.path.normpath(path)


def write_json_atomically(path, value, pretty=True):
    """Writes JSON so that a reader never sees half a file, even after a crash."""
    folder = os.path.dirname(path) or "."
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(value, stream, indent=1 if pretty else None, allow_nan=False)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise TaskError("IO.WriteFailed", f"cannot write {path}: {error}") from None


def read_json_file(path, missing_error, invalid_error, what):
    """Reads a JSON file, naming the file in any error."""
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except FileNotFoundError:
        raise TaskError(missing_error, f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TaskError(missing_error, f"cannot read {what} {path}: {error}") from None
    except json.JSONDecodeError as error:
        raise TaskError(invalid_error, f"{what} {path} is not JSON: {error}") from None


def run(main):
    """Runs `main(payload) -> result` under the `cairn:exec` contract."""
    try:
        result = main(read_input())
        text = json.dumps(result, allow_nan=False)
    except TaskError as error:
        log(f"{error.error}: {error.cause}")
        fail(error.error, error.cause)
    except ValueError as error:
        # json.dumps refuses NaN and infinity, which JSON cannot carry.
        fail("Task.InvalidResult", f"the result is not valid JSON: {error}")
    except Exception as error:  # noqa: BLE001 - the process must always end in the contract
        log(f"unexpected {type(error).__name__}: {error}")
        fail("Task.Crashed", f"{type(error).__name__}: {error}")
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    sys.exit(0)


def fail(error, cause):
    """Prints the error line as the last line of stdout and exits 1."""
    sys.stdout.write(json.dumps({"error": error, "cause": cause}) + "\n")
    sys.stdout.flush()
    sys.exit(1)
