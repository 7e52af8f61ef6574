#!/usr/bin/env python3
"""Writes the JSON Schema files in this folder.

The schemas repeat a lot of structure (every state type in both query
languages, every built-in task's fields as a literal, a `.$` path and a
JSONata expression), so they are built here rather than kept by hand.
Edit this file, then run it from anywhere:

    python3 Schemas/generate_schemas.py

Tests/schemas/check_workflows.py fails when the JSON files differ from what
this script writes.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# A `{% ... %}` JSONata expression (JSONata states only).
JSONATA_PATTERN = r"^\{%[\s\S]*%\}$"
# What a `.$` field may hold: a path (`$.x`, `$$.Execution.Id`, `$var`) or an
# intrinsic function call (`States.Format(...)`).
DYNAMIC_PATTERN = r"^(\$|States\.)"
NUMBER_PATTERN = r"-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
THRESHOLD_PATTERN = r"^\s*(>=|<=|==|!=|>|<)\s*" + NUMBER_PATTERN + r"\s*$"
MODEL_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"

MODES = ("JSONPath", "JSONata")


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def jsonata(description="A JSONata expression between {% and %}."):
    return {"type": "string", "pattern": JSONATA_PATTERN, "description": description}


def dynamic(description):
    return {"type": "string", "pattern": DYNAMIC_PATTERN, "description": description}


def with_doc(schema, description, **extra):
    return dict({"description": description}, **schema, **extra)


# MARK: Shared fields


def field_defs():
    path_doc = (
        "A reference path such as `$.results.model` (or `$$.Execution.Input` for the "
        "context object)."
    )
    retry_errors = {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {
            "type": "string",
            "minLength": 1,
            "examples": ["States.ALL", "States.TaskFailed", "States.Timeout"],
        },
        "description": (
            "Error names this rule matches. `States.ALL` matches every error and must "
            "stand alone and last; `States.TaskFailed` matches every task error except "
            "`States.Timeout`. `cairn:exec` tasks name their own errors with the last "
            'stdout line `{"error": "Name", "cause": "text"}`.'
        ),
    }
    return {
        "Comment": {"type": "string", "description": "A human-readable note; ignored when run."},
        "QueryLanguage": {
            "enum": list(MODES),
            "description": (
                "The language of this state's dynamic fields. `JSONPath` (the default) "
                "uses InputPath, Parameters, ResultSelector, ResultPath and OutputPath with "
                "`.$` keys; `JSONata` uses Arguments and Output with `{% %}` expressions."
            ),
        },
        "StateName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 80,
            "description": "The name of a state in the same States object.",
        },
        "Next": {
            "type": "string",
            "minLength": 1,
            "maxLength": 80,
            "description": "The state to run after this one. Use either Next or End.",
        },
        "End": {
            "const": True,
            "description": "`true` makes this a terminal state. Use either Next or End.",
        },
        "Path": {"type": "string", "pattern": r"^\$", "description": path_doc},
        "InputPath": {
            "type": ["string", "null"],
            "pattern": r"^\$",
            "description": (
                "JSONPath states: selects the part of the state input the state works on. "
                "Default `$` (all of it); `null` gives `{}`."
            ),
        },
        "OutputPath": {
            "type": ["string", "null"],
            "pattern": r"^\$",
            "description": (
                "JSONPath states: selects the part of the result that becomes the state "
                "output. Default `$`; `null` gives `{}`."
            ),
        },
        "ResultPath": {
            "type": ["string", "null"],
            "pattern": r"^\$",
            "description": (
                "JSONPath states: where the result goes in the state input, e.g. "
                "`$.training`. Default `$` (the result replaces the input); `null` discards "
                "the result and passes the input on."
            ),
        },
        "Parameters": with_doc(
            ref("PayloadTemplate"),
            "JSONPath states: the input handed to the task or state, as a payload template: "
            "keys ending in `.$` take their value from a path or an intrinsic function.",
        ),
        "ResultSelector": with_doc(
            ref("PayloadTemplate"),
            "JSONPath states: a payload template applied to the raw result before "
            "ResultPath, to keep only the parts you need.",
        ),
        "Arguments": {
            "description": (
                "JSONata states: the input handed to the task or state. Strings may be "
                "`{% %}` expressions; the whole value may be one expression."
            ),
            "anyOf": [{"type": "object"}, jsonata()],
        },
        "Output": {
            "description": (
                "JSONata states: the state output. Any JSON value; strings may be `{% %}` "
                "expressions over `$states.input`, `$states.result` and variables."
            )
        },
        "Assign": {
            "type": "object",
            "description": (
                "Variables to set when the state completes, by name. JSONPath states use "
                "`name.$` keys for dynamic values; JSONata states use `{% %}` strings. "
                "Later states read them as `$name`."
            ),
            "propertyNames": {"pattern": r"^[A-Za-z_][A-Za-z0-9_]*(\.\$)?$"},
        },
        "PayloadTemplate": {
            "type": "object",
            "description": (
                "A JSON object whose keys ending in `.$` are replaced by the value of their "
                "path or intrinsic function (the `.$` is dropped from the key)."
            ),
            "patternProperties": {
                r"\.\$$": dynamic(
                    "A path (`$.x`, `$$.Execution.Id`, `$variable`) or an intrinsic function "
                    "such as `States.Format('{}', $.x)`."
                )
            },
            "additionalProperties": ref("PayloadTemplateValue"),
        },
        "PayloadTemplateValue": {
            "anyOf": [
                {"type": ["string", "number", "integer", "boolean", "null", "array"]},
                ref("PayloadTemplate"),
            ]
        },
        "Seconds": {
            "description": "A whole number of seconds, or (JSONata) an expression giving one.",
            "anyOf": [{"type": "integer", "minimum": 0, "maximum": 99999999}, jsonata()],
        },
        "PositiveSeconds": {
            "description": "A whole number of seconds above 0, or (JSONata) an expression.",
            "anyOf": [{"type": "integer", "minimum": 1, "maximum": 99999999}, jsonata()],
        },
        "Retry": {
            "type": "array",
            "description": (
                "Retry rules, tried in order; the first whose ErrorEquals matches decides. "
                "A rule with MaxAttempts 0 stops retries for its errors."
            ),
            "items": ref("Retrier"),
        },
        "Retrier": {
            "type": "object",
            "description": "When and how often to run a failed state again.",
            "required": ["ErrorEquals"],
            "additionalProperties": False,
            "properties": {
                "ErrorEquals": retry_errors,
                "IntervalSeconds": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 99999999,
                    "default": 1,
                    "description": "Seconds before the first retry. Default 1.",
                },
                "MaxAttempts": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 99999999,
                    "default": 3,
                    "description": "Most retries (not counting the first try). Default 3; 0 never retries.",
                },
                "BackoffRate": {
                    "type": "number",
                    "minimum": 1,
                    "default": 2.0,
                    "description": "Multiplies the interval after each retry. Default 2.0.",
                },
                "MaxDelaySeconds": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 31622400,
                    "description": "Upper bound of the interval between retries, in seconds.",
                },
                "JitterStrategy": {
                    "enum": ["FULL", "NONE"],
                    "default": "NONE",
                    "description": "`FULL` waits a random time up to the interval; `NONE` waits the interval.",
                },
                "Comment": ref("Comment"),
            },
        },
        "Catch": {
            "type": "array",
            "description": (
                "Fallbacks once retries are used up: the first catcher whose ErrorEquals "
                "matches sends the execution to its Next state."
            ),
            "items": ref("Catcher"),
        },
        "Catcher": {
            "type": "object",
            "description": "Where to go when the state fails with a matching error.",
            "required": ["ErrorEquals", "Next"],
            "additionalProperties": False,
            "properties": {
                "ErrorEquals": retry_errors,
                "Next": with_doc(ref("StateName"), "The state to go to."),
                "ResultPath": with_doc(
                    ref("ResultPath"),
                    'JSONPath states: where `{"Error", "Cause"}` goes in the state input '
                    "(default `$`: it replaces the input).",
                ),
                "Output": with_doc(
                    ref("Output"),
                    "JSONata states: the output passed to Next; `$states.errorOutput` holds "
                    '`{"Error", "Cause"}`.',
                ),
                "Assign": ref("Assign"),
                "Comment": ref("Comment"),
            },
        },
        "ItemProcessorConfig": {
            "type": "object",
            "description": "How a Map state runs its items.",
            "additionalProperties": False,
            "properties": {
                "Mode": {
                    "enum": ["INLINE", "DISTRIBUTED"],
                    "default": "INLINE",
                    "description": "`INLINE` runs items inside this execution; `DISTRIBUTED` as child executions.",
                },
                "ExecutionType": {
                    "enum": ["STANDARD", "EXPRESS"],
                    "description": "DISTRIBUTED mode: the kind of child execution.",
                },
            },
        },
    }


# MARK: Choice rules

STRING_OPS = [
    "StringEquals",
    "StringLessThan",
    "StringGreaterThan",
    "StringLessThanEquals",
    "StringGreaterThanEquals",
]
NUMERIC_OPS = [
    "NumericEquals",
    "NumericLessThan",
    "NumericGreaterThan",
    "NumericLessThanEquals",
    "NumericGreaterThanEquals",
]
TIMESTAMP_OPS = [
    "TimestampEquals",
    "TimestampLessThan",
    "TimestampGreaterThan",
    "TimestampLessThanEquals",
    "TimestampGreaterThanEquals",
]
TYPE_TESTS = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"]


def comparison_operators():
    ops = {}
    for op in STRING_OPS:
        ops[op] = {
            "type": "string",
            "description": f"{op}: compares the Variable with this string.",
        }
    for op in NUMERIC_OPS:
        ops[op] = {
            "type": "number",
            "description": f"{op}: compares the Variable with this number.",
        }
    for op in TIMESTAMP_OPS:
        ops[op] = {
            "type": "string",
            "description": f"{op}: compares the Variable with this RFC 3339 timestamp.",
        }
    ops["BooleanEquals"] = {
        "type": "boolean",
        "description": "True when the Variable equals this boolean.",
    }
    ops["StringMatches"] = {
        "type": "string",
        "description": "True when the Variable matches this pattern; `*` is a wildcard, `\\*` a literal star.",
    }
    for op in STRING_OPS + NUMERIC_OPS + TIMESTAMP_OPS + ["BooleanEquals"]:
        ops[op + "Path"] = {
            "type": "string",
            "pattern": r"^\$",
            "description": f"Like {op}, with the value to compare read from this path.",
        }
    for op in TYPE_TESTS:
        what = op[2:].lower()
        ops[op] = {
            "type": "boolean",
            "description": f"`true`: the Variable is {what}; `false`: it is not.",
        }
    ops["IsPresent"][
        "description"
    ] = "`true`: the Variable's path exists in the input; `false`: it does not."
    return ops


def choice_rule_defs():
    ops = comparison_operators()
    body = {
        "Variable": {
            "type": "string",
            "pattern": r"^\$",
            "description": "The path whose value the comparison operator tests, e.g. `$.gate.passed`.",
        },
        "And": {
            "type": "array",
            "minItems": 1,
            "items": ref("JSONPathChoiceRule"),
            "description": "True when every rule in the list is true.",
        },
        "Or": {
            "type": "array",
            "minItems": 1,
            "items": ref("JSONPathChoiceRule"),
            "description": "True when any rule in the list is true.",
        },
        "Not": with_doc(ref("JSONPathChoiceRule"), "True when the rule is false."),
        "Comment": ref("Comment"),
    }
    body.update(ops)
    shape = {
        "oneOf": [
            {"required": ["Variable"]},
            {"required": ["And"]},
            {"required": ["Or"]},
            {"required": ["Not"]},
        ],
        "if": {"required": ["Variable"]},
        "then": {"oneOf": [{"required": [op]} for op in ops]},
        "dependentRequired": {op: ["Variable"] for op in ops},
    }
    nested = dict(
        {
            "type": "object",
            "description": "A JSONPath choice rule nested in And, Or or Not (no Next).",
            "additionalProperties": False,
            "properties": body,
        },
        **shape,
    )
    top_body = dict(body)
    top_body["Next"] = with_doc(ref("StateName"), "The state to go to when this rule is true.")
    top_body["Assign"] = ref("Assign")
    top = dict(
        {
            "type": "object",
            "description": (
                "A JSONPath choice rule: a Variable with one comparison operator, or And, "
                "Or, Not; and the Next state when it is true."
            ),
            "required": ["Next"],
            "additionalProperties": False,
            "properties": top_body,
        },
        **shape,
    )
    jsonata_rule = {
        "type": "object",
        "description": "A JSONata choice rule: a Condition and the Next state when it is true.",
        "required": ["Condition", "Next"],
        "additionalProperties": False,
        "properties": {
            "Condition": {
                "description": "A `{% %}` expression that gives true or false, or a literal boolean.",
                "anyOf": [{"type": "boolean"}, jsonata()],
            },
            "Next": with_doc(ref("StateName"), "The state to go to when the Condition is true."),
            "Output": ref("Output"),
            "Assign": ref("Assign"),
            "Comment": ref("Comment"),
        },
    }
    return {
        "JSONPathChoiceRule": nested,
        "JSONPathTopChoiceRule": top,
        "JSONataChoiceRule": jsonata_rule,
        "ChoiceRule": {
            "if": {"type": "object", "required": ["Condition"]},
            "then": ref("JSONataChoiceRule"),
            "else": ref("JSONPathTopChoiceRule"),
        },
    }


# MARK: State types

# Fields that only make sense in one query language; a state with fields of
# both is an error, and so is a field of the other language than its own.
JSONPATH_ONLY = [
    "Result",
    "InputPath",
    "OutputPath",
    "Parameters",
    "ResultSelector",
    "ResultPath",
    "ItemsPath",
    "SecondsPath",
    "TimestampPath",
    "ErrorPath",
    "CausePath",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "MaxConcurrencyPath",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentagePath",
]
JSONATA_ONLY = ["Arguments", "Output", "Items"]

STATE_TYPES = {
    "Pass": "Passes its input to its output, optionally adding a fixed Result.",
    "Task": "Runs one unit of work named by Resource, such as `cairn:exec`.",
    "Choice": "Picks the next state by the first rule in Choices that is true.",
    "Wait": "Pauses for a number of seconds or until a timestamp.",
    "Succeed": "Ends the execution (or branch) successfully.",
    "Fail": "Ends the execution with an Error and a Cause.",
    "Parallel": "Runs every branch in Branches on the same input; the result is their outputs in order.",
    "Map": "Runs ItemProcessor once for each item of an array.",
}


def common_properties():
    return {
        "Type": {
            "enum": list(STATE_TYPES),
            "description": "The kind of state: "
            + "; ".join(
                f"`{name}` {text[0].lower() + text[1:]}" for name, text in STATE_TYPES.items()
            ),
        },
        "Comment": ref("Comment"),
        "QueryLanguage": ref("QueryLanguage"),
    }


def transition():
    return {"oneOf": [{"required": ["Next"]}, {"required": ["End"]}]}


def state_type_defs(mode):
    """State schemas whose nested state machines default to `mode`."""
    p = f"{mode}."
    flow = {
        "InputPath": ref("InputPath"),
        "OutputPath": ref("OutputPath"),
        "Output": ref("Output"),
    }
    result_flow = {
        "Parameters": ref("Parameters"),
        "ResultSelector": ref("ResultSelector"),
        "ResultPath": ref("ResultPath"),
        "Arguments": ref("Arguments"),
        "Assign": ref("Assign"),
    }
    moves = {"Next": ref("Next"), "End": ref("End")}
    errors = {"Retry": ref("Retry"), "Catch": ref("Catch")}

    def state(type_name, properties, required=(), **rules):
        schema = {
            "type": "object",
            "description": f"A {type_name} state. {STATE_TYPES[type_name]}",
            "required": ["Type", *required],
            "additionalProperties": False,
            "properties": dict(common_properties(), **properties),
        }
        schema.update(rules)
        return schema

    defs = {}
    defs[p + "Pass"] = state(
        "Pass",
        dict(
            flow,
            Result={"description": "JSONPath states: a fixed value used as the state's result."},
            Parameters=ref("Parameters"),
            ResultPath=ref("ResultPath"),
            Assign=ref("Assign"),
            **moves,
        ),
        **transition(),
    )
    defs[p + "Task"] = state(
        "Task",
        dict(
            flow,
            **result_flow,
            Resource={
                "description": (
                    "What runs. Cairn's built-in resources: `cairn:exec` (a local process), "
                    "`cairn:eval.gate` (compare metrics with thresholds), "
                    "`cairn:registry.register`, `cairn:registry.approve`, "
                    "`cairn:registry.reject` (the model registry), `cairn:gateway.invoke`, "
                    "`cairn:workflow.start`, with the `.sync` and `.waitForTaskToken` "
                    "suffixes where they make sense; or an `arn:` for AWS."
                ),
                "anyOf": [
                    {"enum": CAIRN_RESOURCE_NAMES},
                    {"type": "string", "pattern": "^arn:"},
                ],
            },
            Credentials={
                "type": "object",
                "description": "The role to run the task as (AWS only).",
            },
            TimeoutSeconds=with_doc(
                ref("PositiveSeconds"),
                "Fail the task with `States.Timeout` after this many seconds.",
            ),
            TimeoutSecondsPath=with_doc(ref("Path"), "Like TimeoutSeconds, read from this path."),
            HeartbeatSeconds=with_doc(
                ref("PositiveSeconds"),
                "Fail the task with `States.HeartbeatTimeout` when it sends no heartbeat for "
                "this long; must be below TimeoutSeconds.",
            ),
            HeartbeatSecondsPath=with_doc(
                ref("Path"), "Like HeartbeatSeconds, read from this path."
            ),
            **errors,
            **moves,
        ),
        required=["Resource"],
        allOf=[
            transition(),
            {"not": {"required": ["TimeoutSeconds", "TimeoutSecondsPath"]}},
            {"not": {"required": ["HeartbeatSeconds", "HeartbeatSecondsPath"]}},
            *builtin_task_rules(),
        ],
    )
    defs[p + "Choice"] = state(
        "Choice",
        dict(
            flow,
            Assign=ref("Assign"),
            Choices={
                "type": "array",
                "minItems": 1,
                "description": "Rules tried in order; the first that is true names the next state.",
                "items": ref("ChoiceRule"),
            },
            Default=with_doc(ref("StateName"), "The state to go to when no rule is true."),
        ),
        required=["Choices"],
    )
    defs[p + "Wait"] = state(
        "Wait",
        dict(
            flow,
            Assign=ref("Assign"),
            Seconds=with_doc(ref("Seconds"), "How long to wait, in seconds."),
            Timestamp={
                "type": "string",
                "description": "Wait until this RFC 3339 time (e.g. `2026-01-01T02:00:00Z`), or a JSONata expression.",
            },
            SecondsPath=with_doc(ref("Path"), "Like Seconds, read from this path."),
            TimestampPath=with_doc(ref("Path"), "Like Timestamp, read from this path."),
            **moves,
        ),
        allOf=[
            transition(),
            {
                "oneOf": [
                    {"required": ["Seconds"]},
                    {"required": ["Timestamp"]},
                    {"required": ["SecondsPath"]},
                    {"required": ["TimestampPath"]},
                ]
            },
        ],
    )
    defs[p + "Succeed"] = state("Succeed", dict(flow))
    defs[p + "Fail"] = state(
        "Fail",
        {
            "Error": {
                "type": "string",
                "description": "The error name the execution fails with (JSONata: may be an expression).",
            },
            "Cause": {
                "type": "string",
                "description": "A human-readable explanation (JSONata: may be an expression).",
            },
            "ErrorPath": dynamic(
                "JSONPath states: read the error name from this path or intrinsic function."
            ),
            "CausePath": dynamic(
                "JSONPath states: read the cause from this path or intrinsic function."
            ),
        },
        allOf=[
            {"not": {"required": ["Error", "ErrorPath"]}},
            {"not": {"required": ["Cause", "CausePath"]}},
        ],
    )
    defs[p + "Parallel"] = state(
        "Parallel",
        dict(
            flow,
            **result_flow,
            Branches={
                "type": "array",
                "minItems": 1,
                "description": "State machines that all run on the state's input.",
                "items": ref(p + "StateMachine"),
            },
            **errors,
            **moves,
        ),
        required=["Branches"],
        **transition(),
    )
    defs[p + "Map"] = state(
        "Map",
        dict(
            flow,
            **result_flow,
            ItemProcessor=with_doc(
                ref(p + "ItemProcessor"), "The state machine run for each item."
            ),
            Iterator=with_doc(
                ref(p + "StateMachine"), "Deprecated name of ItemProcessor (inline mode only)."
            ),
            ItemsPath=with_doc(
                ref("Path"), "JSONPath states: the array to iterate over. Default `$`."
            ),
            Items={
                "description": "JSONata states: the array to iterate over, or an expression giving it.",
                "anyOf": [{"type": "array"}, jsonata()],
            },
            ItemSelector={
                "description": (
                    "The input of each item's run; `$$.Map.Item.Value` (JSONPath) or "
                    "`$states.context.Map.Item.Value` (JSONata) is the item."
                ),
                "anyOf": [ref("PayloadTemplate"), jsonata()],
            },
            ItemReader={
                "type": "object",
                "description": "DISTRIBUTED mode: reads the items from a resource instead of the input.",
            },
            ItemBatcher={
                "type": "object",
                "description": "DISTRIBUTED mode: groups items into batches.",
            },
            ResultWriter={
                "type": "object",
                "description": "DISTRIBUTED mode: writes the results to a resource.",
            },
            MaxConcurrency=with_doc(
                ref("Seconds"), "Most items run at once; 0 (the default) means no limit."
            ),
            MaxConcurrencyPath=with_doc(ref("Path"), "Like MaxConcurrency, read from this path."),
            ToleratedFailureCount=with_doc(
                ref("Seconds"), "How many items may fail before the Map state fails."
            ),
            ToleratedFailureCountPath=with_doc(
                ref("Path"), "Like ToleratedFailureCount, from a path."
            ),
            ToleratedFailurePercentage={
                "description": "The percentage of items that may fail before the Map state fails.",
                "anyOf": [{"type": "number", "minimum": 0, "maximum": 100}, jsonata()],
            },
            ToleratedFailurePercentagePath=with_doc(
                ref("Path"), "Like ToleratedFailurePercentage, from a path."
            ),
            Label={
                "type": "string",
                "maxLength": 40,
                "description": "DISTRIBUTED mode: a label for the child executions.",
            },
            **errors,
            **moves,
        ),
        allOf=[
            transition(),
            {"oneOf": [{"required": ["ItemProcessor"]}, {"required": ["Iterator"]}]},
            {"not": {"required": ["Parameters", "ItemSelector"]}},
        ],
    )
    defs[p + "StateMachine"] = {
        "type": "object",
        "description": "A nested state machine: a Parallel branch or a Map iterator.",
        "required": ["StartAt", "States"],
        "additionalProperties": False,
        "properties": {
            "Comment": ref("Comment"),
            "StartAt": with_doc(ref("StateName"), "The state that runs first."),
            "States": ref(p + "States"),
        },
    }
    defs[p + "ItemProcessor"] = {
        "type": "object",
        "description": "The state machine a Map state runs for each item.",
        "required": ["StartAt", "States"],
        "additionalProperties": False,
        "properties": {
            "Comment": ref("Comment"),
            "ProcessorConfig": ref("ItemProcessorConfig"),
            "StartAt": with_doc(ref("StateName"), "The state that runs first."),
            "States": ref(p + "States"),
        },
    }
    defs[p + "States"] = {
        "type": "object",
        "description": "The states by name (at most 80 characters each).",
        "minProperties": 1,
        "propertyNames": {"minLength": 1, "maxLength": 80},
        "additionalProperties": ref(p + "State"),
    }
    defs[p + "State"] = {
        "type": "object",
        "description": "One state. Its Type decides which other fields it takes.",
        "required": ["Type"],
        "properties": common_properties(),
        "allOf": [
            *(
                {
                    "if": {"properties": {"Type": {"const": name}}, "required": ["Type"]},
                    "then": ref(p + name),
                }
                for name in STATE_TYPES
            ),
            *mode_rules(mode),
        ],
    }
    return defs


def any_field(names):
    return {"anyOf": [{"required": [name]} for name in names]}


def mode_rules(default_mode):
    """Forbids the other language's fields, by the state's own or the default mode."""
    other = {"JSONPath": "JSONata", "JSONata": "JSONPath"}
    forbidden = {"JSONPath": JSONATA_ONLY, "JSONata": JSONPATH_ONLY}
    choice_items = {
        "JSONPath": {"not": {"required": ["Condition"]}},
        "JSONata": {"required": ["Condition"]},
    }

    def rules_for(mode):
        return {
            "not": any_field(forbidden[mode]),
            "properties": {"Choices": {"items": choice_items[mode]}},
        }

    return [
        {"not": {"allOf": [any_field(JSONPATH_ONLY), any_field(JSONATA_ONLY)]}},
        {
            "if": {
                "properties": {"QueryLanguage": {"const": other[default_mode]}},
                "required": ["QueryLanguage"],
            },
            "then": rules_for(other[default_mode]),
            "else": rules_for(default_mode),
        },
    ]


# MARK: Built-in tasks

# Cairn's resources and the ASL suffixes each takes (as CairnDefinition's
# StateMachineDecoder+Resources.swift lists them).
CAIRN_RESOURCES = {
    "cairn:exec": [".waitForTaskToken"],
    "cairn:registry.register": [],
    "cairn:registry.approve": [],
    "cairn:registry.reject": [],
    "cairn:eval.gate": [".waitForTaskToken"],
    "cairn:workflow.start": [".sync", ".waitForTaskToken"],
    "cairn:gateway.invoke": [],
}
CAIRN_RESOURCE_NAMES = [
    name + suffix for name, suffixes in CAIRN_RESOURCES.items() for suffix in ["", *suffixes]
]

BUILTINS = {
    "exec": (r"^cairn:exec(\.waitForTaskToken)?$", "exec.schema.json"),
    "eval.gate": (r"^cairn:eval\.gate(\.waitForTaskToken)?$", "eval-gate.schema.json"),
    "registry.register": (r"^cairn:registry\.register$", "registry-register.schema.json"),
    "registry.approve": (r"^cairn:registry\.approve$", "registry-approve.schema.json"),
    "registry.reject": (r"^cairn:registry\.reject$", "registry-reject.schema.json"),
}


def builtin_task_rules():
    rules = []
    for pattern, file_name in BUILTINS.values():
        target = f"tasks/{file_name}"
        rules.append(
            {
                "if": {
                    "properties": {"Resource": {"pattern": pattern}},
                    "required": ["Resource"],
                },
                "then": {
                    "properties": {
                        "Parameters": {"$ref": target},
                        "Arguments": {"$ref": f"{target}#/$defs/arguments"},
                    },
                    # Without Parameters/Arguments the state input is the task input,
                    # which cannot name a Command; the other built-ins need fields too.
                    "anyOf": [
                        {"required": ["Parameters"]},
                        {"required": ["Arguments"]},
                    ],
                },
            }
        )
    return rules


class Field:
    def __init__(self, name, schema, description, required=False, dynamic_ok=True):
        self.name = name
        self.schema = schema
        self.description = description
        self.required = required
        self.dynamic_ok = dynamic_ok


def task_schema(title, description, fields, examples):
    """The Parameters schema (JSONPath) with the Arguments form in $defs."""
    properties = {}
    rules = []
    for field in fields:
        properties[field.name] = with_doc(field.schema, field.description)
        if field.dynamic_ok:
            properties[field.name + ".$"] = dynamic(
                f"{field.name} taken from a path or an intrinsic function "
                f"(instead of a literal {field.name})."
            )
            rules.append({"not": {"required": [field.name, field.name + ".$"]}})
            if field.required:
                rules.append(
                    {"anyOf": [{"required": [field.name]}, {"required": [field.name + ".$"]}]}
                )
        elif field.required:
            rules.append({"required": [field.name]})

    arguments_properties = {
        f.name: with_doc({"anyOf": [f.schema, jsonata()]}, f.description) for f in fields
    }
    arguments = {
        "description": f"{title}: the Arguments of a JSONata state (values may be `{{% %}}` expressions).",
        "anyOf": [
            {
                "type": "object",
                "additionalProperties": False,
                "properties": arguments_properties,
                "required": [f.name for f in fields if f.required],
            },
            jsonata("One JSONata expression that gives the whole Arguments object."),
        ],
    }
    schema = {
        "$schema": DRAFT,
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "examples": examples,
        "$defs": {"arguments": arguments},
    }
    if rules:
        schema["allOf"] = rules
    return schema


def number_map(description):
    return {
        "type": "object",
        "description": description,
        "patternProperties": {r"\.\$$": dynamic("A number taken from a path.")},
        "additionalProperties": {"type": "number"},
    }


def builtin_schemas():
    model_name = {"type": "string", "pattern": MODEL_NAME_PATTERN}
    version = {"type": "integer", "minimum": 1}
    exec_fields = [
        Field(
            "Command",
            {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "The program and its arguments, e.g. `[python3, tasks/train.py]`. Relative "
            "paths are relative to WorkingDirectory. No shell is involved.",
            required=True,
        ),
        Field(
            "Payload",
            {},
            "The JSON written to the process's stdin. Default: the state input after "
            "InputPath. May be a payload template with `.$` keys.",
        ),
        Field(
            "Env",
            {
                "type": "object",
                "patternProperties": {r"\.\$$": dynamic("A value taken from a path.")},
                "additionalProperties": {"type": "string"},
            },
            "Extra environment variables. The process also gets CAIRN_EXECUTION_ID, "
            "CAIRN_STATE_NAME, CAIRN_ATTEMPT and CAIRN_IDEMPOTENCY_KEY.",
        ),
        Field(
            "WorkingDirectory",
            {"type": "string", "minLength": 1},
            "The process's working directory. Default: the folder of the workflow file.",
        ),
    ]
    gate_fields = [
        Field(
            "Metrics",
            number_map("Metric names to values, usually `Metrics.$: $.evaluation.metrics`."),
            "The measured metrics by name.",
            required=True,
        ),
        Field(
            "Thresholds",
            {
                "type": "object",
                "minProperties": 1,
                "patternProperties": {r"\.\$$": dynamic("A threshold string taken from a path.")},
                "additionalProperties": {
                    "description": (
                        "An operator (>=, >, <=, <, ==, !=) and a number, e.g. `>= 0.90`; "
                        "a bare number means `>=`."
                    ),
                    "anyOf": [
                        {
                            "type": "string",
                            "pattern": THRESHOLD_PATTERN,
                            "examples": [">= 0.90", "<= 2000"],
                        },
                        {"type": "number"},
                    ],
                },
            },
            "Metric names to conditions such as `>= 0.90`. The gate passes when every "
            "named metric meets its condition; a metric missing from Metrics fails its check.",
            required=True,
        ),
    ]
    register_fields = [
        Field("ModelName", model_name, "The registered model's name.", required=True),
        Field(
            "ArtifactPath",
            {"type": "string", "minLength": 1},
            "The model file; relative paths are relative to the workflow file's folder.",
            required=True,
        ),
        Field(
            "Metrics",
            {"type": "object"},
            "Metrics to store with the version, e.g. `{accuracy: 0.97}`.",
        ),
        Field(
            "Parameters",
            {"type": "object"},
            "Hyperparameters or other settings to store with the version.",
        ),
        Field("Description", {"type": "string"}, "A note stored with the version."),
        Field(
            "Tags",
            {"type": "object", "additionalProperties": {"type": "string"}},
            "String labels stored with the version.",
        ),
    ]

    def decision_fields(reason_required):
        # Reason is optional for both, as RegistryTaskHandler takes it.
        return [
            Field("ModelName", model_name, "The registered model's name.", required=True),
            Field(
                "Version",
                version,
                "The version to decide on (from register's `version`).",
                required=True,
            ),
            Field(
                "Reason",
                {},
                "Why; kept as the version's status reason (text; other JSON is stored as "
                "its compact text).",
                required=reason_required,
            ),
        ]

    version_result = (
        'Result: the version, `{"modelName", "version", "status", '
        '"statusReason", "artifactPath", "artifactSHA256", "metrics", '
        '"parameters", "executionId", "createdAt", "updatedAt"}`. Errors: '
        "`Registry.InvalidParameters`, `Registry.ArtifactNotFound`, "
        "`Registry.UnknownModelVersion`, `Registry.InvalidStatusChange`."
    )
    return {
        "exec.schema.json": task_schema(
            "cairn:exec Parameters",
            "Runs a local process. It gets the Payload as JSON on stdin; exit 0 with one JSON "
            "value on stdout is success (that value is the result). A non-zero exit fails "
            'the task; a last stdout line `{"error": "Name", "cause": "text"}` names '
            "the error for Retry and Catch, otherwise it is `States.TaskFailed` with the "
            "tail of stderr as cause. An empty stdout is the result `null`; a process past "
            "TimeoutSeconds is killed (`States.Timeout`). Cairn's own errors: "
            "`Exec.InvalidParameters`, `Exec.SpawnFailed`.",
            exec_fields,
            [
                {
                    "Command": ["python3", "tasks/validate_data.py"],
                    "Payload": {"dataset.$": "$.dataset"},
                }
            ],
        ),
        "eval-gate.schema.json": task_schema(
            "cairn:eval.gate Parameters",
            'Compares metrics with thresholds. Result: `{"passed": bool, "checks": '
            '[{"metric", "operator", "threshold", "actual", "passed"}], '
            '"failedChecks": [metric names]}`, one check per threshold in the order '
            "written (a missing metric's check has `actual: null` and a `reason`). "
            "Unreadable parameters fail with `Gate.InvalidParameters`.",
            gate_fields,
            [
                {
                    "Metrics.$": "$.evaluation.metrics",
                    "Thresholds": {"accuracy": ">= 0.90", "latency_p95_ms": "<= 2000"},
                }
            ],
        ),
        "registry-register.schema.json": task_schema(
            "cairn:registry.register Parameters",
            "Adds a new version of a model (numbered per model from 1) with status "
            "PENDING_APPROVAL; hashes the artifact, whose relative path starts at the "
            "workflow file's folder. " + version_result,
            register_fields,
            [
                {
                    "ModelName": "breast-cancer-classifier",
                    "ArtifactPath.$": "$.training.artifactPath",
                    "Metrics.$": "$.evaluation.metrics",
                    "Parameters.$": "$.training.hyperparameters",
                }
            ],
        ),
        "registry-approve.schema.json": task_schema(
            "cairn:registry.approve Parameters",
            "Marks a model version APPROVED (from PENDING_APPROVAL, or again when "
            "already approved). " + version_result,
            decision_fields(False),
            [
                {
                    "ModelName": "breast-cancer-classifier",
                    "Version.$": "$.registration.version",
                    "Reason": "passed the gate",
                }
            ],
        ),
        "registry-reject.schema.json": task_schema(
            "cairn:registry.reject Parameters",
            "Marks a model version REJECTED (from PENDING_APPROVAL or APPROVED; "
            "final). " + version_result,
            decision_fields(False),
            [
                {
                    "ModelName": "breast-cancer-classifier",
                    "Version.$": "$.registration.version",
                    "Reason.$": "$.failure.Cause",
                }
            ],
        ),
    }


# MARK: The workflow file


def triggers_schema():
    common = {
        "name": {
            "type": "string",
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$",
            "description": "The trigger's name, unique in the file; `cairn trigger` commands take it.",
        },
        "enabled": {
            "type": "boolean",
            "default": True,
            "description": "`false` keeps the trigger but does not fire it.",
        },
        "input": {
            "description": (
                "The execution input: a payload template over the fire's details (keys ending "
                "in `.$` take paths such as `$.scheduledTime`, `$.path`, `$.sha256`, "
                "`$.modelName`). Without it, the details themselves are the input."
            )
        },
    }
    schedule = {
        "type": {"const": "schedule"},
        "expression": {
            "type": "string",
            "description": (
                "`rate(N minute|minutes|hour|hours|day|days)`, EventBridge "
                "`cron(minutes hours day-of-month month day-of-week year)`, or five cron fields."
            ),
            "examples": ["cron(0 2 * * ? *)", "rate(1 hour)", "30 6 * * 1-5"],
        },
        "timezone": {
            "type": "string",
            "default": "UTC",
            "description": "The IANA time zone the expression's local times are in, e.g. `Europe/Berlin`.",
        },
        "nonexistentTime": {
            "enum": ["after-gap", "skip"],
            "default": "after-gap",
            "description": "A local time that a spring-forward skips: run at the end of the gap, or skip that day.",
        },
        "repeatedTime": {
            "enum": ["first", "second", "both"],
            "default": "first",
            "description": "A local time that a fall-back repeats: run at its first, its second, or both occurrences.",
        },
        "start": {
            "type": "string",
            "format": "date-time",
            "description": "The anchor of a rate schedule (RFC 3339).",
        },
        "catchUp": {
            "enum": ["none", "latest", "all"],
            "default": "latest",
            "description": "Fires missed while no daemon ran: drop them, run the latest, or run all (up to maxCatchUp).",
        },
        "maxCatchUp": {"type": "integer", "minimum": 0, "default": 10},
        "overlap": {
            "enum": ["skip", "queue", "allow"],
            "default": "skip",
            "description": "A fire due while the previous execution still runs: drop it, hold one back, or run it too.",
        },
        "jitterSeconds": {
            "type": "integer",
            "minimum": 0,
            "default": 0,
            "description": "Delay each fire by a stable random part of this many seconds.",
        },
    }
    file_drop = {
        "type": {"const": "file"},
        "directory": {
            "type": "string",
            "description": "The watched folder; relative to the workflow file's folder.",
        },
        "pattern": {"type": "string", "default": "*", "description": "A glob the file name must match, e.g. `*.csv`."},
        "recursive": {"type": "boolean", "default": False},
        "complete": {
            "type": "array",
            "items": {"enum": ["rename", "settle", "marker"]},
            "default": ["rename", "settle"],
            "description": (
                "When a file counts as complete: moved in by a rename, closed and then unchanged "
                "for settleSeconds, or its marker file (name + marker suffix) appeared."
            ),
        },
        "settleSeconds": {"type": "integer", "minimum": 0, "default": 5},
        "marker": {"type": "string", "default": ".done"},
        "mode": {"enum": ["auto", "inotify", "poll"], "default": "auto"},
        "pollSeconds": {"type": "integer", "minimum": 1, "default": 2},
        "archive": {
            "type": "boolean",
            "default": False,
            "description": "Move the file into processing/, then done/ or failed/ as its execution ends.",
        },
    }
    registry = {
        "type": {"const": "registry"},
        "event": {
            "description": "Which registry events start the workflow.",
            "anyOf": [
                {"enum": ["registered", "approved", "rejected"]},
                {"type": "array", "items": {"enum": ["registered", "approved", "rejected"]}},
            ],
            "default": "registered",
        },
        "model": {"type": "string", "description": "Only versions of this model."},
    }

    def kind(properties, required):
        return {
            "type": "object",
            "required": ["name", "type"] + required,
            "additionalProperties": False,
            "properties": {**common, **properties},
        }

    return {
        "type": "array",
        "description": (
            "Cairn only (stripped on export): what starts this workflow under `cairn serve`: "
            "schedules, files dropped into a folder, model registry events."
        ),
        "items": {
            "type": "object",
            "required": ["name", "type"],
            "properties": {
                "type": {
                    "enum": ["schedule", "file", "registry"],
                    "description": "`schedule`, `file` (a file landing in a folder) or `registry`.",
                }
            },
            "allOf": [
                {
                    "if": {"properties": {"type": {"const": "schedule"}}},
                    "then": kind(schedule, ["expression"]),
                },
                {
                    "if": {"properties": {"type": {"const": "file"}}},
                    "then": kind(file_drop, ["directory"]),
                },
                {
                    "if": {"properties": {"type": {"const": "registry"}}},
                    "then": kind(registry, []),
                },
            ],
        },
    }


def top_level(mode):
    return {
        "type": "object",
        "required": ["StartAt", "States"],
        "additionalProperties": False,
        "properties": {
            "Comment": ref("Comment"),
            "StartAt": with_doc(ref("StateName"), "The state that runs first."),
            "States": ref(f"{mode}.States"),
            "TimeoutSeconds": {
                "type": "integer",
                "minimum": 1,
                "maximum": 99999999,
                "description": "Fail the execution with `States.Timeout` after this many seconds.",
            },
            "Version": {"const": "1.0", "description": "The States Language version, `1.0`."},
            "QueryLanguage": with_doc(
                ref("QueryLanguage"),
                "The default query language of every state. Default `JSONPath`.",
            ),
        },
    }


def workflow_schema():
    defs = field_defs()
    defs.update(choice_rule_defs())
    for mode in MODES:
        defs.update(state_type_defs(mode))
    defs["Definition"] = {
        "description": (
            "An Amazon States Language state machine: StartAt, States and optional Comment, "
            "TimeoutSeconds, Version and QueryLanguage."
        ),
        "if": {
            "properties": {"QueryLanguage": {"const": "JSONata"}},
            "required": ["QueryLanguage"],
        },
        "then": top_level("JSONata"),
        "else": top_level("JSONPath"),
    }
    defs["Wrapper"] = {
        "type": "object",
        "required": ["definition"],
        "additionalProperties": False,
        "properties": {
            "name": {
                "type": "string",
                "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$",
                "description": "The workflow's name (letters, digits, `.`, `_`, `-`; at most 80).",
            },
            "description": {"type": "string", "description": "What the workflow does."},
            "triggers": triggers_schema(),
            "definition": with_doc(ref("Definition"), "The state machine itself, in ASL."),
        },
    }
    return {
        "$schema": DRAFT,
        "title": "Cairn workflow",
        "description": (
            "A Cairn workflow file: either a bare Amazon States Language definition "
            "(StartAt, States, ...) or a document with name, description, triggers and "
            "definition."
        ),
        "type": "object",
        "if": {"required": ["definition"]},
        "then": ref("Wrapper"),
        "else": ref("Definition"),
        "$defs": defs,
    }


def render(schema):
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def outputs():
    files = {"workflow.schema.json": render(workflow_schema())}
    for name, schema in builtin_schemas().items():
        files[os.path.join("tasks", name)] = render(schema)
    return files


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for relative, text in outputs().items():
        path = os.path.join(HERE, relative)
        if check:
            try:
                with open(path, encoding="utf-8") as stream:
                    if stream.read() != text:
                        stale.append(relative)
            except FileNotFoundError:
                stale.append(relative)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
    if stale:
        print("out of date (run python3 Schemas/generate_schemas.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
