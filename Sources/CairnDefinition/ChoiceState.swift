// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

public struct ChoiceState: Sendable {
    /// The rules in order; the first whose condition holds picks the next state.
    public var choices: [ChoiceBranch]
    /// `Default`: where to go when no rule matches.
    public var defaultNext: String?

    public init(choices: [ChoiceBranch], defaultNext: String? = nil) {
        self.choices = choices
        self.defaultNext = defaultNext
    }
}

/// A top-level Choice rule: a condition and where it leads.
public struct ChoiceBranch: Sendable {
    public var rule: ChoiceRule
    public var next: String
    public var assign: Assignment?
    /// `Output` of a JSONata rule.
    public var output: JSONValue?

    public init(rule: ChoiceRule, next: String) {
        self.rule = rule
        self.next = next
    }
}

/// A Choice condition.
public indirect enum ChoiceRule: Sendable {
    case and([ChoiceRule])
    case or([ChoiceRule])
    case not(ChoiceRule)
    /// A data-test expression: `Variable` compared by `comparisonOperator`.
    case comparison(variable: JSONPath, comparisonOperator: ComparisonOperator, operand: Operand)
    /// `Condition` in a JSONata state: a `{% %}` expression or a boolean.
    case condition(JSONValue)
}

/// The right-hand side of a comparison.
public enum Operand: Sendable, Hashable {
    /// A literal (`NumericEquals: 3`); type tests carry their boolean here.
    case value(JSONValue)
    /// The `...Path` form: the value is read from the input or the context.
    case path(JSONPath)
}

/// Every data-test operator of a Choice rule, by its field name without the
/// `Path` suffix.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case stringEquals = "StringEquals"
    case stringLessThan = "StringLessThan"
    case stringGreaterThan = "StringGreaterThan"
    case stringLessThanEquals = "StringLessThanEquals"
    case stringGreaterThanEquals = "StringGreaterThanEquals"
    case stringMatches = "StringMatches"
    case numericEquals = "NumericEquals"
    case numericLessThan = "NumericLessThan"
    case numericGreaterThan = "NumericGreaterThan"
    case numericLessThanEquals = "NumericLessThanEquals"
    case numericGreaterThanEquals = "NumericGreaterThanEquals"
    case booleanEquals = "BooleanEquals"
    case timestampEquals = "TimestampEquals"
    case timestampLessThan = "TimestampLessThan"
    case timestampGreaterThan = "TimestampGreaterThan"
    case timestampLessThanEquals = "TimestampLessThanEquals"
    case timestampGreaterThanEquals = "TimestampGreaterThanEquals"
    case isNull = "IsNull"
    case isPresent = "IsPresent"
    case isNumeric = "IsNumeric"
    case isString = "IsString"
    case isBoolean = "IsBoolean"
    case isTimestamp = "IsTimestamp"

    /// Whether the operator has a `...Path` form (the type tests do not, nor
    /// does `StringMatches`).
    public var hasPathForm: Bool {
        switch self {
        case .isNull, .isPresent, .isNumeric, .isString, .isBoolean, .isTimestamp,
            .stringMatches:
            false
        default:
            true
        }
    }
}
