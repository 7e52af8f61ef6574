// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnJSONata
import Foundation

extension Session {
    /// What the JSONata fields of one state see while it runs once: `$states`,
    /// the variables in scope, and the clock and randomness of the step.
    ///
    /// Every failure it throws is `States.QueryEvaluationError` with AWS's cause,
    /// already prefixed with the state's name.
    struct JSONataScope {
        var environment: JSONataEnvironment
        /// "An error occurred while executing the state 'X' (entered at ...). "
        let prefix: String

        /// Whether `text` is a whole `{% expression %}`.
        static func isExpression(_ text: String) -> Bool {
            text.hasPrefix("{%") && text.hasSuffix("%}") && text.count >= 4
        }

        /// The expression inside `{% %}`, as AWS quotes it in causes.
        static func expressionText(_ text: String) -> String {
            String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // MARK: - Fields

        /// Evaluates a field's value: `{% %}` strings anywhere inside it are
        /// replaced by their results, everything else is kept as written.
        ///
        /// - Parameter field: The field's name relative to the state, such as
        ///   `Output` or `Choices[0]/Assign`; members add `/key` and `[index]`.
        func evaluate(_ template: JSONValue, field: String) throws(WorkflowFailure) -> JSONValue {
            switch template {
            case .string(let text) where Self.isExpression(text):
                return try value(of: text, field: field)
            case .object(let object):
                var result = JSONObject()
                for (key, member) in object {
                    result[key] = try evaluate(member, field: field + "/" + key)
                }
                return .object(result)
            case .array(let elements):
                var result: [JSONValue] = []
                for (index, element) in elements.enumerated() {
                    result.append(try evaluate(element, field: field + "[\(index)]"))
                }
                return .array(result)
            default:
                return template
            }
        }

        /// The JSON value of one `{% %}` string; nothing and functions fail.
        func value(of text: String, field: String) throws(WorkflowFailure) -> JSONValue {
            switch try result(of: text, field: field) {
            case .value(let value): return value
            case .undefined: throw failure(text, field, "returned nothing (undefined).")
            case .function: throw failure(text, field, "returned an unsupported result type.")
            }
        }

        /// Runs one `{% %}` string and reports what it returned.
        func result(of text: String, field: String) throws(WorkflowFailure) -> JSONataResult {
            do {
                let expression = try JSONataExpression(parsing: Self.expressionText(text))
                return try expression.evaluate(in: environment)
            } catch {
                throw failure(text, field, "threw an error during evaluation: \(error.message)")
            }
        }

        /// A field that must hold a whole number, such as `TimeoutSeconds`.
        func integer(_ text: String, field: String) throws(WorkflowFailure) -> Int {
            let value = try value(of: text, field: field)
            guard case .number(let number) = value, number.isIntegral,
                let integer = number.int64Value, let result = Int(exactly: integer)
            else {
                throw unexpectedType(text, field, expected: "integer", value)
            }
            return result
        }

        /// A field that must hold a number, such as `ToleratedFailurePercentage`.
        func number(_ text: String, field: String) throws(WorkflowFailure) -> Double {
            let value = try value(of: text, field: field)
            guard case .number(let number) = value else {
                throw unexpectedType(text, field, expected: "number", value)
            }
            return number.doubleValue
        }

        /// A Choice rule's `Condition`: `true`, `false` or an expression giving one.
        func condition(_ template: JSONValue, field: String) throws(WorkflowFailure) -> Bool {
            let value = try evaluate(template, field: field)
            guard case .bool(let flag) = value else {
                let text = template.stringValue ?? template.compactText
                throw unexpectedType(text, field, expected: "boolean", value)
            }
            return flag
        }

        // MARK: - Failures

        func failure(_ text: String, _ field: String, _ detail: String) -> WorkflowFailure {
            queryEvaluationError(
                "The JSONata expression '\(Self.expressionText(text))' specified for the field "
                    + "'\(field)' \(detail)"
            )
        }

        func unexpectedType(
            _ text: String,
            _ field: String,
            expected: String,
            _ value: JSONValue
        ) -> WorkflowFailure {
            failure(
                text,
                field,
                "returned an unexpected result type. Expected '\(expected)', but was "
                    + "'\(value.typeName)' for value: \(value.compactText)"
            )
        }

        func queryEvaluationError(_ detail: String) -> WorkflowFailure {
            WorkflowFailure(
                error: WorkflowFailure.Name.queryEvaluationError,
                cause: prefix + detail
            )
        }
    }
}
