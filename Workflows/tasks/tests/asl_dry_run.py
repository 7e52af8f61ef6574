"""A test double that walks the example workflows' happy and failure paths.

This is not Cairn: it knows just enough of the States Language (the subset
the files in Workflows/ use) to check that their data flow fits the task
scripts: that every `.$` path exists when the state runs, that the scripts
accept the payloads the YAML builds, and that the Choice and Fail states see
the fields they read. The built-in tasks are stubs written to the contract
proposed for Cairn's `cairn:eval.gate` and `cairn:registry.*` handlers.
"""

import json
import os
import re
import subprocess
import sys


class WorkflowError(Exception):
    def __init__(self, error, cause):
        super().__init__(f"{error}: {cause}")
        self.error = error
        self.cause = cause


class Outcome:
    def __init__(self, status, output=None, error=None, cause=None, visited=()):
        self.status = status
        self.output = output
        self.error = error
        self.cause = cause
        self.visited = list(visited)


# MARK: Paths and templates


def evaluate_path(path, data):
    if path == "$":
        return data
    if not path.startswith("$"):
        raise WorkflowError("States.Runtime", f"unsupported path {path}")
    value = data
    for token in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[\?\((.*?)\)\]", path[1:]):
        name, index, condition = token
        if name:
            if not isinstance(value, dict) or name not in value:
                raise WorkflowError(
                    "States.Runtime", f"the path {path} does not exist in the input"
                )
            value = value[name]
        elif index:
            value = value[int(index)]
        else:
            match = re.fullmatch(r"@\.([A-Za-z_]\w*)\s*==\s*(.+)", condition.strip())
            key, literal = match.group(1), json.loads(match.group(2).replace("'", '"'))
            value = [item for item in value if isinstance(item, dict) and item.get(key) == literal]
    return value


def split_arguments(text):
    parts, depth, quoted, current = [], 0, False, ""
    index = 0
    while index < len(text):
        char = text[index]
        if quoted:
            current += char
            if char == "\\":
                current += text[index + 1]
                index += 1
            elif char == "'":
                quoted = False
        elif char == "'":
            quoted = True
            current += char
        elif char == "(":
            depth += 1
            current += char
        elif char == ")":
            depth -= 1
            current += char
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
        index += 1
    if current.strip():
        parts.append(current.strip())
    return parts


def format_value(value):
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def evaluate_dynamic(text, data):
    text = text.strip()
    call = re.fullmatch(r"(States\.[A-Za-z]+)\((.*)\)", text, re.S)
    if not call:
        return evaluate_path(text, data)
    name, body = call.group(1), call.group(2)
    arguments = []
    for argument in split_arguments(body):
        if argument.startswith("'"):
            arguments.append(argument[1:-1].replace("\\'", "'"))
        elif argument in ("true", "false", "null") or re.fullmatch(r"-?\d+(\.\d+)?", argument):
            arguments.append(json.loads(argument))
        else:
            arguments.append(evaluate_dynamic(argument, data))
    if name == "States.Format":
        pieces = arguments[0].split("{}")
        if len(pieces) - 1 != len(arguments) - 1:
            raise WorkflowError("States.Runtime", f"{text}: wrong number of arguments")
        result = pieces[0]
        for piece, value in zip(pieces[1:], arguments[1:]):
            result += format_value(value) + piece
        return result
    if name == "States.JsonToString":
        return json.dumps(arguments[0], separators=(",", ":"))
    if name == "States.JsonMerge":
        if arguments[2] is not False:
            raise WorkflowError("States.Runtime", "only shallow merges are supported")
        return dict(arguments[0], **arguments[1])
    raise WorkflowError("States.Runtime", f"unsupported intrinsic {name}")


def apply_template(template, data):
    if isinstance(template, dict):
        result = {}
        for key, value in template.items():
            if key.endswith(".$"):
                result[key[:-2]] = evaluate_dynamic(value, data)
            else:
                result[key] = apply_template(value, data)
        return result
    return template


def set_path(data, path, value):
    if path is None:
        return data
    if path == "$":
        return value
    keys = path[2:].split(".")
    result = json.loads(json.dumps(data))
    target = result
    for key in keys[:-1]:
        target = target.setdefault(key, {})
    target[keys[-1]] = value
    return result


# MARK: Built-in task stubs


class Builtins:
    """In-memory stand-ins for Cairn's built-in tasks, returning what Cairn's
    EvaluationGate and RegistryTaskHandler return (the fields the YAML reads)."""

    OPERATORS = {
        ">=": lambda a, b: a >= b,
        ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b,
        "<": lambda a, b: a < b,
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
    }
    TRANSITIONS = {
        ("PENDING_APPROVAL", "APPROVED"),
        ("PENDING_APPROVAL", "REJECTED"),
        ("APPROVED", "REJECTED"),
    }

    def __init__(self):
        self.models = {}
        self.calls = []

    def run(self, resource, parameters):
        self.calls.append((resource, parameters))
        if resource == "cairn:eval.gate":
            return self.gate(parameters)
        if resource == "cairn:registry.register":
            for field in ("ModelName", "ArtifactPath"):
                if not isinstance(parameters.get(field), str) or not parameters[field]:
                    raise WorkflowError("Registry.InvalidParameters", f"{field} must be text")
            versions = self.models.setdefault(parameters["ModelName"], [])
            entry = {
                "modelName": parameters["ModelName"],
                "version": len(versions) + 1,
                "status": "PENDING_APPROVAL",
                "statusReason": None,
                "artifactPath": parameters["ArtifactPath"],
                "metrics": parameters.get("Metrics", {}),
                "parameters": parameters.get("Parameters", {}),
            }
            versions.append(entry)
            return dict(entry)
        if resource in ("cairn:registry.approve", "cairn:registry.reject"):
            versions = self.models.get(parameters["ModelName"], [])
            version = parameters["Version"]
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise WorkflowError(
                    "Registry.InvalidParameters", "Version must be a positive whole number"
                )
            if version > len(versions):
                raise WorkflowError("Registry.UnknownModelVersion", f"no version {version}")
            entry = versions[version - 1]
            status = "APPROVED" if resource.endswith("approve") else "REJECTED"
            if entry["status"] != status and (entry["status"], status) not in self.TRANSITIONS:
                raise WorkflowError(
                    "Registry.InvalidStatusChange", f"{entry['status']} to {status}"
                )
            entry["status"] = status
            entry["statusReason"] = parameters.get("Reason")
            return dict(entry)
        raise WorkflowError("States.Runtime", f"unknown resource {resource}")

    def gate(self, parameters):
        checks, failed = [], []
        for metric, condition in parameters["Thresholds"].items():
            if isinstance(condition, (int, float)):
                operator, threshold = ">=", float(condition)
            else:
                match = re.fullmatch(r"\s*(>=|<=|==|!=|>|<)\s*(\S+)\s*", condition)
                if not match:
                    raise WorkflowError("Gate.InvalidParameters", f"{metric}: {condition}")
                operator, threshold = match.group(1), float(match.group(2))
            actual = parameters["Metrics"].get(metric)
            passed = isinstance(actual, (int, float)) and self.OPERATORS[operator](
                actual, threshold
            )
            checks.append(
                {
                    "metric": metric,
                    "operator": operator,
                    "threshold": threshold,
                    "actual": actual,
                    "passed": passed,
                }
            )
            if not passed:
                failed.append(metric)
        return {"passed": not failed, "checks": checks, "failedChecks": failed}


# MARK: The walk


def error_matches(names, error):
    for name in names:
        if name == "States.ALL" or name == error:
            return True
        if name == "States.TaskFailed" and error != "States.Timeout":
            return True
    return False


class DryRun:
    def __init__(self, workflow_path, execution_id, builtins=None):
        self.folder = os.path.dirname(os.path.abspath(workflow_path))
        self.definition = load_workflow(workflow_path)
        self.execution_id = execution_id
        self.builtins = builtins or Builtins()

    def run(self, data, max_steps=100):
        states = self.definition["States"]
        name = self.definition["StartAt"]
        visited = []
        for _ in range(max_steps):
            visited.append(name)
            state = states[name]
            kind = state["Type"]
            if kind == "Succeed":
                return Outcome("SUCCEEDED", output=data, visited=visited)
            if kind == "Fail":
                error = (
                    evaluate_dynamic(state["ErrorPath"], data)
                    if "ErrorPath" in state
                    else state.get("Error")
                )
                cause = (
                    evaluate_dynamic(state["CausePath"], data)
                    if "CausePath" in state
                    else state.get("Cause")
                )
                return Outcome("FAILED", error=error, cause=cause, visited=visited)
            if kind == "Choice":
                name = self.choose(state, data)
                continue
            try:
                data = self.step(name, state, data)
            except WorkflowError as failure:
                if failure.error == "States.Runtime":
                    return Outcome(
                        "FAILED", error=failure.error, cause=failure.cause, visited=visited
                    )
                catcher = next(
                    (
                        c
                        for c in state.get("Catch", [])
                        if error_matches(c["ErrorEquals"], failure.error)
                    ),
                    None,
                )
                if catcher is None:
                    return Outcome(
                        "FAILED", error=failure.error, cause=failure.cause, visited=visited
                    )
                data = set_path(
                    data,
                    catcher.get("ResultPath", "$"),
                    {"Error": failure.error, "Cause": failure.cause},
                )
                name = catcher["Next"]
                continue
            if state.get("End"):
                return Outcome("SUCCEEDED", output=data, visited=visited)
            name = state["Next"]
        raise AssertionError(f"no end after {max_steps} states: {visited}")

    def choose(self, state, data):
        for rule in state["Choices"]:
            try:
                value = evaluate_path(rule["Variable"], data)
                present = True
            except WorkflowError:
                value, present = None, False
            if "IsPresent" in rule and present == rule["IsPresent"]:
                return rule["Next"]
            if "BooleanEquals" in rule and present and value is rule["BooleanEquals"]:
                return rule["Next"]
        return state["Default"]

    def step(self, name, state, data):
        effective = evaluate_path(state.get("InputPath", "$"), data)
        if state["Type"] == "Pass":
            if "Parameters" in state:
                result = apply_template(state["Parameters"], effective)
            else:
                result = state.get("Result", effective)
        else:
            parameters = apply_template(state.get("Parameters", {}), effective)
            result = self.task(name, state["Resource"], parameters, effective)
            if "ResultSelector" in state:
                result = apply_template(state["ResultSelector"], result)
        output = set_path(data, state.get("ResultPath", "$"), result)
        return evaluate_path(state.get("OutputPath", "$"), output)

    def task(self, name, resource, parameters, effective):
        if resource != "cairn:exec":
            return self.builtins.run(resource, parameters)
        env = dict(os.environ)
        env.update(
            {
                "CAIRN_EXECUTION_ID": self.execution_id,
                "CAIRN_STATE_NAME": name,
                "CAIRN_ATTEMPT": "1",
                "CAIRN_IDEMPOTENCY_KEY": f"{self.execution_id}/{name}",
            }
        )
        env.update(parameters.get("Env", {}))
        command = list(parameters["Command"])
        if command[0] == "python3":
            command[0] = sys.executable
        completed = subprocess.run(
            command,
            input=json.dumps(parameters.get("Payload", effective)),
            capture_output=True,
            text=True,
            cwd=parameters.get("WorkingDirectory", self.folder),
            env=env,
            timeout=600,
            check=False,
        )
        lines = completed.stdout.strip().splitlines()
        if completed.returncode == 0:
            return json.loads(completed.stdout)
        try:
            last = json.loads(lines[-1])
            raise WorkflowError(last["error"], last["cause"])
        except (IndexError, ValueError, KeyError, TypeError):
            raise WorkflowError("States.TaskFailed", completed.stderr[-500:]) from None


def load_workflow(path):
    try:
        from ruamel.yaml import YAML
    except ImportError:
        import yaml  # PyYAML reads these files the same way: they avoid YAML 1.1 quirks

        with open(path, encoding="utf-8") as stream:
            document = yaml.safe_load(stream)
    else:
        with open(path, encoding="utf-8") as stream:
            document = YAML(typ="safe", pure=True).load(stream)
    return json.loads(json.dumps(document)).get("definition", document)
