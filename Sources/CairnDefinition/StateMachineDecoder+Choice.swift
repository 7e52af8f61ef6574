// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension StateMachineDecoder {
    /// Every comparison field name, with and without the `Path` suffix.
    static let comparisonFieldNames: [String] = ComparisonOperator.allCases.flatMap {
        $0.hasPathForm ? [$0.rawValue, $0.rawValue + "Path"] : [$0.rawValue]
    }

    /// Decodes `Choices` and `Default` of a Choice state.
    mutating func decodeChoice(
        of name: String,
        in fields: FieldSet,
        language: QueryLanguage,
        references: inout [Reference]
    ) -> ChoiceState {
        var choice = ChoiceState(choices: [])
        if let target = readString("Default", in: fields) {
            choice.defaultNext = target
            references.append(
                Reference(
                    source: name,
                    field: "Default",
                    target: target,
                    path: fields.path("Default")
                )
            )
        }
        guard let value = fields["Choices"] else {
            hasHiddenTransitions = true
            report("Choice state '\(name)' needs Choices", atKey: fields.path)
            return choice
        }
        guard let elements = value.arrayValue, !elements.isEmpty else {
            hasHiddenTransitions = true
            report(
                "Choices must be a non-empty array of rules, found " + Self.describe(value),
                atValue: fields.path("Choices")
            )
            return choice
        }
        for (index, element) in elements.enumerated() {
            let path = fields.path("Choices") + [.index(index)]
            if case .string(let target)? = element["Next"] {
                references.append(
                    Reference(
                        source: name,
                        field: "Next",
                        target: target,
                        path: path + [.key("Next")]
                    )
                )
            } else {
                hasHiddenTransitions = true
            }
            if let branch = decodeChoiceBranch(element, at: path, language: language) {
                choice.choices.append(branch)
            }
        }
        return choice
    }

    /// A top-level rule: a condition plus `Next`, `Assign`, `Output`.
    private mutating func decodeChoiceBranch(
        _ value: JSONValue,
        at path: DocumentPath,
        language: QueryLanguage
    ) -> ChoiceBranch? {
        guard let object = value.objectValue else {
            report("a choice rule must be an object, found " + Self.describe(value), atValue: path)
            return nil
        }
        var fields = FieldSet(object: object, path: path)
        let extra = language == .jsonPath ? ["Next", "Assign"] : ["Next", "Assign", "Output"]
        let rule = decodeRule(&fields, language: language, extraFields: extra)
        let next = readString("Next", in: fields)
        if fields["Next"] == nil {
            report("a choice rule needs Next, the state it leads to", atValue: path)
        }
        let assign = readAssign(in: fields, language: language)
        let output = readJSONata("Output", in: fields)
        guard let rule, let next else { return nil }
        var branch = ChoiceBranch(rule: rule, next: next)
        branch.assign = assign
        branch.output = output
        return branch
    }

    /// A rule nested in And, Or or Not: it names no Next of its own.
    private mutating func decodeNestedRule(
        _ value: JSONValue,
        at path: DocumentPath
    ) -> ChoiceRule? {
        guard let object = value.objectValue else {
            report("a choice rule must be an object, found " + Self.describe(value), atValue: path)
            return nil
        }
        var fields = FieldSet(object: object, path: path)
        return decodeRule(&fields, language: .jsonPath, extraFields: [])
    }

    /// The condition of a rule, checking that it has exactly one.
    private mutating func decodeRule(
        _ fields: inout FieldSet,
        language: QueryLanguage,
        extraFields: [String]
    ) -> ChoiceRule? {
        let known =
            ["Variable", "And", "Or", "Not", "Condition", "Next", "Assign", "Output", "Comment"]
            + Self.comparisonFieldNames
        switch language {
        case .jsonata:
            checkFieldNames(
                &fields,
                allowed: ["Condition", "Comment"] + extraFields,
                known: known,
                owner: "a JSONata choice rule"
            )
            guard let condition = fields["Condition"] else {
                report("a JSONata choice rule needs a Condition", atValue: fields.path)
                return nil
            }
            guard
                condition.boolValue != nil
                    || condition.stringValue.map(Self.isJSONataExpression) == true
            else {
                report(
                    "Condition must be a JSONata expression \"{% ... %}\" or a boolean, found "
                        + Self.describe(condition),
                    atValue: fields.path("Condition")
                )
                return nil
            }
            checkJSONata(condition, field: "Condition", at: fields.path("Condition"))
            return .condition(condition)
        case .jsonPath:
            checkFieldNames(
                &fields,
                allowed: ["Variable", "And", "Or", "Not", "Comment"] + Self.comparisonFieldNames
                    + extraFields,
                known: known,
                owner: extraFields.isEmpty ? "a nested choice rule" : "a choice rule"
            )
            return decodeJSONPathRule(fields)
        }
    }

    private mutating func decodeJSONPathRule(_ fields: FieldSet) -> ChoiceRule? {
        let kinds = (["And", "Or", "Not"] + Self.comparisonFieldNames).filter { fields[$0] != nil }
        guard let kind = kinds.first else {
            // A misspelled operator was reported already, with a hint.
            guard fields.rejected.isEmpty else { return nil }
            report(
                "a choice rule needs a comparison such as StringEquals, or And, Or or Not",
                atValue: fields.path
            )
            return nil
        }
        if kinds.count > 1 {
            report(
                "a choice rule takes one condition, found both \(kinds[0]) and \(kinds[1])",
                atKey: fields.path(kinds[1])
            )
            return nil
        }
        switch kind {
        case "And", "Or":
            guard let elements = fields[kind]?.arrayValue, !elements.isEmpty else {
                report(
                    "\(kind) must be a non-empty array of rules, found "
                        + Self.describe(fields[kind] ?? .null),
                    atValue: fields.path(kind)
                )
                return nil
            }
            if fields["Variable"] != nil {
                report("a rule with \(kind) cannot have a Variable", atKey: fields.path("Variable"))
            }
            let rules = elements.enumerated().compactMap { index, element in
                decodeNestedRule(element, at: fields.path(kind) + [.index(index)])
            }
            guard rules.count == elements.count else { return nil }
            return kind == "And" ? .and(rules) : .or(rules)
        case "Not":
            if fields["Variable"] != nil {
                report("a rule with Not cannot have a Variable", atKey: fields.path("Variable"))
            }
            return decodeNestedRule(fields["Not"] ?? .null, at: fields.path("Not")).map { .not($0) }
        default:
            return decodeComparison(kind, in: fields)
        }
    }

    /// `Variable` compared by one operator.
    private mutating func decodeComparison(_ key: String, in fields: FieldSet) -> ChoiceRule? {
        let isPathForm = key.hasSuffix("Path") && ComparisonOperator(rawValue: key) == nil
        let operatorName = isPathForm ? String(key.dropLast(4)) : key
        guard let comparison = ComparisonOperator(rawValue: operatorName) else { return nil }
        guard fields["Variable"] != nil else {
            report("a comparison with \(key) needs a Variable", atValue: fields.path)
            return nil
        }
        let variable = readString("Variable", in: fields).flatMap {
            parsePath($0, field: "Variable", at: fields.path("Variable"))
        }
        let operand = fields[key] ?? .null
        let operandPath = fields.path(key)
        if isPathForm {
            guard let text = operand.stringValue else {
                report(
                    "\(key) must be a path string, found " + Self.describe(operand),
                    atValue: operandPath
                )
                return nil
            }
            guard let path = parsePath(text, field: key, at: operandPath), let variable else {
                return nil
            }
            return .comparison(
                variable: variable,
                comparisonOperator: comparison,
                operand: .path(path)
            )
        }
        guard checkOperand(operand, of: comparison, at: operandPath), let variable else {
            return nil
        }
        return .comparison(
            variable: variable,
            comparisonOperator: comparison,
            operand: .value(operand)
        )
    }

    /// Checks that a literal operand has the type its operator compares.
    private mutating func checkOperand(
        _ operand: JSONValue,
        of comparison: ComparisonOperator,
        at path: DocumentPath
    ) -> Bool {
        let name = comparison.rawValue
        let expected: String
        let matches: Bool
        if name.hasPrefix("Numeric") {
            (expected, matches) = ("a number", operand.numberValue != nil)
        } else if name.hasPrefix("String") {
            (expected, matches) = ("a string", operand.stringValue != nil)
        } else if name.hasPrefix("Timestamp") {
            let text = operand.stringValue
            (expected, matches) = (
                "an ISO 8601 timestamp such as '2026-01-31T02:00:00Z'",
                text.map(Self.isTimestamp) == true
            )
        } else {
            (expected, matches) = ("true or false", operand.boolValue != nil)
        }
        if !matches {
            report("\(name) must be \(expected), found " + Self.describe(operand), atValue: path)
        }
        return matches
    }
}
