// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition

/// The interpreter's one door into CairnDataFlow, so that each data-flow
/// question is asked in one place.
enum DataFlowBridge {
    static func select(
        _ path: JSONPath,
        in scope: EvaluationScope
    ) throws(WorkflowFailure) -> JSONValue {
        try scope.select(path)
    }

    static func insert(
        _ value: JSONValue,
        at path: JSONPath,
        into input: JSONValue
    ) throws(WorkflowFailure) -> JSONValue {
        try path.inserting(value, into: input)
    }

    static func evaluate(
        _ template: PayloadTemplate,
        in scope: EvaluationScope,
        field: String
    ) throws(WorkflowFailure) -> JSONValue {
        try scope.evaluate(template, field: field)
    }

    static func evaluate(
        _ rule: ChoiceRule,
        in scope: EvaluationScope
    ) throws(WorkflowFailure) -> Bool {
        try ChoiceEvaluator.evaluate(rule) { path throws(WorkflowFailure) in
            scope.value(at: path)
        }
    }

    /// Milliseconds since the epoch of an RFC 3339 timestamp; Wait states
    /// ignore fractions of a second, as AWS's do.
    static func parseTimestamp(_ text: String) -> Int64? {
        Timestamp(parsing: text)?.truncatedToSeconds.millisecondsSinceEpoch
    }
}
