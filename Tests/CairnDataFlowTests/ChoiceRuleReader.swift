// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

/// Turns the JSON of a Choice rule into a `ChoiceRule`, for tests that are
/// written, or recorded, as ASL.
///
/// It reads what the corpus uses and returns `nil` for anything else (a
/// JSONata `Condition`, `Assign`, a path not rooted at `$`), so callers can
/// skip such cases instead of mis-reading them.
enum ChoiceRuleReader {
    /// Reads a rule: `And`, `Or`, `Not`, or `Variable` with one operator.
    static func rule(from json: JSONValue) -> ChoiceRule? {
        guard let fields = json.objectValue else { return nil }
        let keys = Set(fields.keys).subtracting(["Next", "Comment"])

        if keys == ["And"] || keys == ["Or"] {
            guard let elements = (fields["And"] ?? fields["Or"])?.arrayValue else { return nil }
            var rules: [ChoiceRule] = []
            for element in elements {
                guard let rule = rule(from: element) else { return nil }
                rules.append(rule)
            }
            return keys == ["And"] ? .and(rules) : .or(rules)
        }
        if keys == ["Not"], let inner = fields["Not"] {
            return rule(from: inner).map(ChoiceRule.not)
        }
        return comparison(from: fields, keys: keys.subtracting(["Variable"]))
    }

    /// Reads a whole Choice state's `Choices` and `Default`.
    static func choiceState(from json: JSONValue) -> ChoiceState? {
        guard let fields = json.objectValue,
            Set(fields.keys).isSubset(of: ["Type", "Choices", "Default", "Comment"]),
            let choices = fields["Choices"]?.arrayValue
        else { return nil }
        var branches: [ChoiceBranch] = []
        for choice in choices {
            guard let rule = rule(from: choice), let next = choice["Next"]?.stringValue else {
                return nil
            }
            branches.append(ChoiceBranch(rule: rule, next: next))
        }
        return ChoiceState(choices: branches, defaultNext: fields["Default"]?.stringValue)
    }

    /// Parses `text` as JSON and reads it as a rule; throws on a typo so that
    /// a broken fixture cannot pass silently.
    static func rule(_ text: String) throws -> ChoiceRule {
        let json = try JSONValue(parsing: text)
        guard let rule = rule(from: json) else {
            throw CairnCoreError(code: .invalidArgument, message: "not a Choice rule: \(text)")
        }
        return rule
    }

    private static func comparison(from fields: JSONObject, keys: Set<String>) -> ChoiceRule? {
        guard keys.count == 1, let key = keys.first, let operandJSON = fields[key],
            let variableText = fields["Variable"]?.stringValue,
            let variable = try? JSONPath(parsing: variableText), variable.root == .input
        else { return nil }

        if let comparisonOperator = ComparisonOperator(rawValue: key) {
            return .comparison(
                variable: variable,
                comparisonOperator: comparisonOperator,
                operand: .value(operandJSON)
            )
        }
        guard key.hasSuffix("Path"),
            let comparisonOperator = ComparisonOperator(rawValue: String(key.dropLast(4))),
            let pathText = operandJSON.stringValue,
            let path = try? JSONPath(parsing: pathText), path.root == .input
        else { return nil }
        return .comparison(
            variable: variable,
            comparisonOperator: comparisonOperator,
            operand: .path(path)
        )
    }
}
