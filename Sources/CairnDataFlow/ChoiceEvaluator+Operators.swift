// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension ChoiceEvaluator {
    /// Applies one comparison operator to a present value.
    ///
    /// Every pair of the wrong types is simply false: that is how AWS treats
    /// `NumericEquals` on a string, `BooleanEquals` on a number and so on,
    /// and how it treats a type test whose operand is not a boolean.
    static func compare(
        _ value: JSONValue,
        _ comparisonOperator: ComparisonOperator,
        _ reference: JSONValue
    ) throws(WorkflowFailure) -> Bool {
        switch comparisonOperator {
        case .stringEquals, .stringLessThan, .stringGreaterThan, .stringLessThanEquals,
            .stringGreaterThanEquals:
            guard let left = value.stringValue, let right = reference.stringValue else {
                return false
            }
            return holds(comparisonOperator, order: compareUTF16(left, right))
        case .stringMatches:
            return try stringMatches(value, pattern: reference)
        case .numericEquals, .numericLessThan, .numericGreaterThan, .numericLessThanEquals,
            .numericGreaterThanEquals:
            guard let left = value.numberValue, let right = reference.numberValue else {
                return false
            }
            let numericOrder = order(ChoiceDecimal(left), ChoiceDecimal(right))
            return holds(comparisonOperator, order: numericOrder)
        case .booleanEquals:
            guard let left = value.boolValue, let right = reference.boolValue else { return false }
            return left == right
        case .timestampEquals, .timestampLessThan, .timestampGreaterThan,
            .timestampLessThanEquals, .timestampGreaterThanEquals:
            guard let left = timestamp(value), let right = timestamp(reference) else {
                return false
            }
            return holds(comparisonOperator, order: order(left, right))
        case .isNull, .isPresent, .isNumeric, .isString, .isBoolean, .isTimestamp:
            guard let expected = reference.boolValue else { return false }
            return hasType(value, comparisonOperator) == expected
        }
    }

    // MARK: - Helpers

    /// Whether `order` (-1, 0 or 1, left against right) satisfies the
    /// operator's relation; every operator family names its relations alike.
    private static func holds(_ comparisonOperator: ComparisonOperator, order: Int) -> Bool {
        switch comparisonOperator {
        case .stringEquals, .numericEquals, .timestampEquals: order == 0
        case .stringLessThan, .numericLessThan, .timestampLessThan: order < 0
        case .stringGreaterThan, .numericGreaterThan, .timestampGreaterThan: order > 0
        case .stringLessThanEquals, .numericLessThanEquals, .timestampLessThanEquals: order <= 0
        case .stringGreaterThanEquals, .numericGreaterThanEquals, .timestampGreaterThanEquals:
            order >= 0
        default: false
        }
    }

    private static func order<Value: Comparable>(_ left: Value, _ right: Value) -> Int {
        left < right ? -1 : (left == right ? 0 : 1)
    }

    /// Orders strings by UTF-16 code unit, as Java's `String.compareTo` does.
    ///
    /// Swift's own `<` and `==` on `String` apply Unicode canonical
    /// equivalence (`"é"` precomposed equals `"e\u{301}"`), which AWS does not.
    private static func compareUTF16(_ left: String, _ right: String) -> Int {
        var leftUnits = left.utf16.makeIterator()
        var rightUnits = right.utf16.makeIterator()
        while true {
            switch (leftUnits.next(), rightUnits.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let leftUnit?, let rightUnit?) where leftUnit != rightUnit:
                return leftUnit < rightUnit ? -1 : 1
            default: continue
            }
        }
    }

    private static func stringMatches(
        _ value: JSONValue,
        pattern: JSONValue
    ) throws(WorkflowFailure) -> Bool {
        guard let patternText = pattern.stringValue else { return false }
        guard let compiled = ChoiceStringPattern(patternText) else {
            throw WorkflowFailure(
                error: WorkflowFailure.Name.runtime,
                cause: "The StringMatches pattern '\(patternText)' has an open escape: "
                    + "a backslash must be followed by '*' or '\\'."
            )
        }
        guard let text = value.stringValue else { return false }
        return compiled.matches(text)
    }

    private static func timestamp(_ value: JSONValue) -> Timestamp? {
        value.stringValue.flatMap(Timestamp.init(parsing:))
    }

    private static func hasType(_ value: JSONValue, _ test: ComparisonOperator) -> Bool {
        switch test {
        case .isNull: value.isNull
        case .isNumeric: value.numberValue != nil
        case .isString: value.stringValue != nil
        case .isBoolean: value.boolValue != nil
        case .isTimestamp: timestamp(value) != nil
        default: true
        }
    }
}
