#!/usr/bin/env python3
"""Checks the workflow files against Schemas/workflow.schema.json.

Run from the repository root, with no arguments:

    python3 Tests/schemas/check_workflows.py

Needs the `check-jsonschema` command (`pip install check-jsonschema`).
Checks, each counted as one test:
  - the schema files are valid JSON Schema (draft 2020-12) and are what
    Schemas/generate_schemas.py writes;
  - every workflow file under Workflows/ and Tests/schemas/valid/ passes;
  - every YAML workflow under Workflows/ starts with the yaml-language-server
    modeline that points editors at the schema;
  - every file under Tests/schemas/invalid/ fails, and the error output
    contains the text after `expect:` in the file (so each fails for the
    reason it was written for, not by accident).
The last line is `N passed, M failed`; the exit status is 1 if any failed.
"""

import json
import os
import re
import shutil
import subprocess
import sys

SCHEMA = "Schemas/workflow.schema.json"
MODELINE = "# yaml-language-server: $schema=../Schemas/workflow.schema.json"
WORKFLOW_SUFFIXES = (".yaml", ".yml", ".json")
# Folders under Workflows/ that hold data, inputs and outputs, not workflows.
NOT_WORKFLOWS = {"runs", "tasks", "data", "inputs", "models", "__pycache__"}


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, ok, label, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {label}")
        else:
            self.failed += 1
            print(f"FAIL  {label}")
            for line in detail.strip().splitlines()[:20]:
                print(f"      {line}")


def check_jsonschema(*arguments):
    completed = subprocess.run(
        ["check-jsonschema", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.returncode, completed.stdout + completed.stderr


def validate(paths):
    """Validates files in one check-jsonschema run (it is slow to start).

    Returns {path: (ok, error text)}; the text has the path itself removed, so
    that an `expect:` word cannot match the file's own name.
    """
    if not paths:
        return {}
    code, output = check_jsonschema(
        "--verbose", "--output-format", "json", "--schemafile", SCHEMA, *paths
    )
    try:
        report = json.loads(output[output.index("{") :])
    except ValueError:
        return {
            path: (False, f"check-jsonschema failed (exit {code}):\n{output}") for path in paths
        }
    texts = {path: [] for path in paths}
    for entry in report.get("errors", []):
        texts.setdefault(entry.get("filename"), []).extend(strings_in(entry))
    for entry in report.get("parse_errors", []):
        path = entry.get("filename")
        # The JSON report only says "Failed to parse"; the text report has the cause.
        _, detail = check_jsonschema("--verbose", "--schemafile", SCHEMA, path)
        texts.setdefault(path, []).append(detail)
    # All-good runs list "checked_paths"; runs with errors list "successes".
    successes = set(report.get("successes", [])) | set(report.get("checked_paths", []))
    return {
        path: (
            path in successes and not texts[path],
            "\n".join(texts[path]).replace(path, "<file>"),
        )
        for path in paths
    }


def strings_in(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def is_workflow(path):
    """YAML files count as workflows; JSON files only if they look like one."""
    if not path.endswith(".json"):
        return True
    try:
        with open(path, encoding="utf-8") as stream:
            value = json.load(stream)
    except (OSError, json.JSONDecodeError):
        return True  # let the schema check report it
    return isinstance(value, dict) and ("definition" in value or "States" in value)


def files_under(folder, skip=frozenset()):
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if f not in skip and not f.startswith("."))
        found.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(WORKFLOW_SUFFIXES))
    return found


def expected_text(path):
    with open(path, encoding="utf-8") as stream:
        match = re.search(r"expect: ([^\"\n]+)", stream.read())
    return match.group(1).strip() if match else None


def main():
    if not os.path.isfile(SCHEMA):
        print(f"run from the repository root: {SCHEMA} not found")
        print("0 passed, 1 failed")
        return 1
    if shutil.which("check-jsonschema") is None:
        print("check-jsonschema is not installed: pip install check-jsonschema")
        print("0 passed, 1 failed")
        return 1

    results = Results()
    schema_files = [SCHEMA] + sorted(
        os.path.join("Schemas/tasks", n) for n in os.listdir("Schemas/tasks") if n.endswith(".json")
    )
    for path in schema_files:
        code, output = check_jsonschema("--check-metaschema", path)
        results.record(code == 0, f"metaschema {path}", output)

    generator = subprocess.run(
        [sys.executable, "Schemas/generate_schemas.py", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    results.record(
        generator.returncode == 0,
        "schemas match Schemas/generate_schemas.py",
        generator.stdout + generator.stderr,
    )

    workflows = [p for p in files_under("Workflows", NOT_WORKFLOWS) if is_workflow(p)]
    if not workflows:
        results.record(False, "Workflows/ holds workflow files", "none found")
    valid = workflows + files_under("Tests/schemas/valid")
    for path, (ok, detail) in validate(valid).items():
        results.record(ok, f"valid   {path}", detail)
    for path in workflows:
        if path.endswith(".json"):
            continue
        with open(path, encoding="utf-8") as stream:
            first = stream.readline().rstrip("\n")
        results.record(first == MODELINE, f"modeline {path}", f"first line is: {first}")

    invalid = files_under("Tests/schemas/invalid")
    if not invalid:
        results.record(False, "Tests/schemas/invalid holds examples", "none found")
    for path, (ok, detail) in validate(invalid).items():
        expected = expected_text(path)
        if ok:
            results.record(False, f"invalid {path}", "the schema accepted it")
        elif expected is None:
            results.record(False, f"invalid {path}", "the file has no 'expect:' line")
        else:
            results.record(
                expected in detail,
                f"invalid {path}",
                f"expected the error to mention: {expected}\n{detail}",
            )

    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
