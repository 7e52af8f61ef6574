// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

/// Decides Choice rules the way AWS Step Functions does.
///
/// The evaluator reads data only through the `resolve` closure it is given,
/// so it works the same on the state input, the context object (`$$`) and
/// variables (`$name`), whatever evaluates the paths.
///
/// ```swift
/// let rule = ChoiceRule.comparison(
///     variable: try JSONPath(parsing: "$.score"),
///     comparisonOperator: .numericGreaterThanEquals,
///     operand: .value(0.9)
/// )
/// let passed = try ChoiceEvaluator.evaluate(rule) { path in
///     try resolver.value(at: path, in: input)
/// }
/// ```
///
/// The semantics, as recorded from AWS:
///
/// - A comparison whose `Variable` (or `...Path` operand) selects nothing
///   fails with `States.Runtime` and the cause
///   `Invalid path '$.x': The choice state's condition path references an
///   invalid value.` — except `IsPresent`, which is exactly the test for that.
/// - A value of the wrong type never matches and never fails: `NumericEquals`
///   against a string, `BooleanEquals` against `0`, `StringEquals` against
///   `null` are all false. `Not` of such a rule is therefore true.
/// - `And` and `Or` stop at the first rule that decides them, so a later rule
///   that would fail is never looked at (`IsPresent` guards rely on this).
/// - Strings compare by UTF-16 code unit with no normalisation, as Java does.
/// - Numbers compare by exact decimal value: `1`, `1.0` and `1e0` are equal.
/// - Timestamps compare as instants, after parsing both sides with
///   ``Timestamp/init(parsing:)``; a string that is not a timestamp never
///   matches a timestamp comparison.
public enum ChoiceEvaluator {
    /// Reads the value at a path, or `nil` when the path selects nothing.
    public typealias Resolver = (JSONPath) throws(WorkflowFailure) -> JSONValue?

    /// Decides one Choice rule.
    ///
    /// - Parameters:
    ///   - rule: The rule, with its nested `And`/`Or`/`Not` rules.
    ///   - resolve: Returns the value a path selects, or `nil` when it selects
    ///     nothing. Failures it throws pass through unchanged.
    /// - Returns: Whether the rule holds.
    /// - Throws: `WorkflowFailure` named `States.Runtime` when a comparison
    ///   reads a path that selects nothing, when a `StringMatches` pattern has
    ///   an open escape, or when the rule is a JSONata `Condition`; and any
    ///   failure `resolve` throws.
    public static func evaluate(
        _ rule: ChoiceRule,
        resolve: Resolver
    ) throws(WorkflowFailure) -> Bool {
        switch rule {
        case .and(let rules):
            for rule in rules {
                if try !evaluate(rule, resolve: resolve) { return false }
            }
            return true
        case .or(let rules):
            for rule in rules {
                if try evaluate(rule, resolve: resolve) { return true }
            }
            return false
        case .not(let rule):
            return try !evaluate(rule, resolve: resolve)
        case .comparison(let variable, let comparisonOperator, let operand):
            return try evaluateComparison(
                variable: variable,
                comparisonOperator: comparisonOperator,
                operand: operand,
                resolve: resolve
            )
        case .condition:
            // TODO: A JSONata `Condition` fails the execution with States.Runtime
            // until Cairn has a JSONata evaluator.
            throw WorkflowFailure(
                error: WorkflowFailure.Name.runtime,
                cause: "JSONata Choice conditions are not supported yet."
            )
        }
    }

    /// Finds the first top-level rule of a Choice state that holds.
    ///
    /// - Returns: The index into `state.choices` of the rule to follow, or
    ///   `nil` when none holds; the caller then takes `Default` or fails with
    ///   `States.NoChoiceMatched`.
    /// - Throws: `WorkflowFailure` as ``evaluate(_:resolve:)`` does, for the
    ///   first rule that fails; later rules are not evaluated.
    public static func firstMatchingChoice(
        in state: ChoiceState,
        resolve: Resolver
    ) throws(WorkflowFailure) -> Int? {
        for (index, branch) in state.choices.enumerated() {
            if try evaluate(branch.rule, resolve: resolve) { return index }
        }
        return nil
    }

    /// The cause AWS gives when a Choice comparison reads a path that
    /// selects nothing; the interpreter prefixes it with the usual
    /// "An error occurred while executing the state ..." sentence.
    public static func invalidPathCause(_ path: JSONPath) -> String {
        "Invalid path '\(path.text)': "
            + "The choice state's condition path references an invalid value."
    }

    // MARK: - Comparisons

    private static func evaluateComparison(
        variable: JSONPath,
        comparisonOperator: ComparisonOperator,
        operand: Operand,
        resolve: Resolver
    ) throws(WorkflowFailure) -> Bool {
        let value = try resolve(variable)

        // IsPresent is the one operator for which selecting nothing is an answer.
        if comparisonOperator == .isPresent {
            let expected = try resolveOperand(operand, resolve: resolve)
            return expected.boolValue.map { (value != nil) == $0 } ?? false
        }

        guard let value else { throw invalidPath(variable) }
        let reference = try resolveOperand(operand, resolve: resolve)
        return try compare(value, comparisonOperator, reference)
    }

    private static func resolveOperand(
        _ operand: Operand,
        resolve: Resolver
    ) throws(WorkflowFailure) -> JSONValue {
        switch operand {
        case .value(let value):
            return value
        case .path(let path):
            guard let value = try resolve(path) else { throw invalidPath(path) }
            return value
        }
    }

    private static func invalidPath(_ path: JSONPath) -> WorkflowFailure {
        WorkflowFailure(error: WorkflowFailure.Name.runtime, cause: invalidPathCause(path))
    }
}
