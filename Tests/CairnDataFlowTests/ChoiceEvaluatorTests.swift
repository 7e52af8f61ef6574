// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

/// Evaluates `rule` (ASL JSON) against `input` (JSON) with the test resolver.
func evaluateChoiceRule(_ rule: String, input: String) throws -> Bool {
    let data = try JSONValue(parsing: input)
    return try ChoiceEvaluator.evaluate(ChoiceRuleReader.rule(rule)) { path in
        ChoiceTestResolver.value(at: path, in: data)
    }
}

/// Each comparison operator on its own, literal and `...Path` forms.
@Suite struct ChoiceEvaluatorTests {
    @Test(arguments: [
        (#"{"Variable": "$.v", "StringEquals": "Hello"}"#, #"{"v": "Hello"}"#, true),
        (#"{"Variable": "$.v", "StringEquals": "Hello"}"#, #"{"v": "hello"}"#, false),
        (#"{"Variable": "$.v", "StringEquals": "Hello"}"#, #"{"v": "Hello "}"#, false),
        (#"{"Variable": "$.v", "StringLessThan": "AB"}"#, #"{"v": "A"}"#, true),
        (#"{"Variable": "$.v", "StringLessThan": "A"}"#, #"{"v": "A"}"#, false),
        (#"{"Variable": "$.v", "StringLessThan": "a"}"#, #"{"v": "B"}"#, true),
        (#"{"Variable": "$.v", "StringGreaterThan": "A"}"#, #"{"v": "AB"}"#, true),
        (#"{"Variable": "$.v", "StringGreaterThan": "A "}"#, #"{"v": "A"}"#, false),
        (#"{"Variable": "$.v", "StringLessThanEquals": ""}"#, #"{"v": ""}"#, true),
        (#"{"Variable": "$.v", "StringGreaterThanEquals": "AB"}"#, #"{"v": "A"}"#, false),
        (#"{"Variable": "$.v", "StringEqualsPath": "$.w"}"#, #"{"v": "x", "w": "x"}"#, true),
        (#"{"Variable": "$.v", "StringLessThanPath": "$.w"}"#, #"{"v": "a", "w": "b"}"#, true),
        (#"{"Variable": "$.v", "StringGreaterThanPath": "$.w"}"#, #"{"v": "a", "w": "b"}"#, false),
        (#"{"Variable": "$.v", "StringEqualsPath": "$.w"}"#, #"{"v": "1", "w": 1}"#, false),
    ])
    func stringComparisons(rule: String, input: String, expected: Bool) throws {
        #expect(try evaluateChoiceRule(rule, input: input) == expected)
    }

    @Test(arguments: [
        ("foo*.log", "foo23.log", true),
        ("*.log", "zebra.log", true),
        ("foo*.*", "foobar.zebra", true),
        ("*", "", true),
        ("", "", true),
        ("", "a", false),
        ("a*b*c", "aXXbYYc", true),
        ("a*b", "ab", true),
        ("a*b", "abc", false),
        ("*a*a", "aaa", true),
        ("**a", "xa", true),
        ("ABC", "abc", false),
        ("a?c", "abc", false),
        ("a?c", "a?c", true),
        ("[ab]", "a", false),
        (#"log-\\*.txt"#, "log-*.txt", true),
        (#"log-\\*.txt"#, "log-1.txt", false),
        (#"C:\\\\temp*"#, #"C:\\temp\\x"#, true),
        (#"\\\\*"#, #"\\"#, true),
    ])
    func stringMatches(pattern: String, value: String, expected: Bool) throws {
        let rule = #"{"Variable": "$.v", "StringMatches": "\#(pattern)"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "\#(value)"}"#) == expected)
    }

    @Test(arguments: [
        (#"{"Variable": "$.v", "NumericEquals": 1}"#, #"{"v": 1.0}"#, true),
        (#"{"Variable": "$.v", "NumericEquals": 1e0}"#, #"{"v": 1}"#, true),
        (#"{"Variable": "$.v", "NumericEquals": 1500}"#, #"{"v": 1.5e3}"#, true),
        (#"{"Variable": "$.v", "NumericEquals": 0}"#, #"{"v": -0.0}"#, true),
        (#"{"Variable": "$.v", "NumericEquals": 2.22}"#, #"{"v": 2.220}"#, true),
        (#"{"Variable": "$.v", "NumericEquals": 1}"#, #"{"v": 1.1}"#, false),
        (#"{"Variable": "$.v", "NumericLessThan": 1}"#, #"{"v": 0.999}"#, true),
        (#"{"Variable": "$.v", "NumericLessThan": -1}"#, #"{"v": -2}"#, true),
        (#"{"Variable": "$.v", "NumericLessThan": 0.5}"#, #"{"v": 5e-1}"#, false),
        (#"{"Variable": "$.v", "NumericGreaterThan": 10}"#, #"{"v": 9.99e1}"#, true),
        (#"{"Variable": "$.v", "NumericGreaterThan": -10}"#, #"{"v": -100}"#, false),
        (#"{"Variable": "$.v", "NumericLessThanEquals": 3}"#, #"{"v": 3}"#, true),
        (#"{"Variable": "$.v", "NumericGreaterThanEquals": 3}"#, #"{"v": 2.9}"#, false),
        (#"{"Variable": "$.v", "NumericEqualsPath": "$.w"}"#, #"{"v": 7, "w": 7.0}"#, true),
        (#"{"Variable": "$.v", "NumericLessThanPath": "$.w"}"#, #"{"v": 7, "w": 8}"#, true),
        (#"{"Variable": "$.v", "NumericEqualsPath": "$.w"}"#, #"{"v": 7, "w": "7"}"#, false),
    ])
    func numericComparisons(rule: String, input: String, expected: Bool) throws {
        #expect(try evaluateChoiceRule(rule, input: input) == expected)
    }

    @Test(arguments: [
        (#"{"Variable": "$.v", "BooleanEquals": true}"#, #"{"v": true}"#, true),
        (#"{"Variable": "$.v", "BooleanEquals": false}"#, #"{"v": false}"#, true),
        (#"{"Variable": "$.v", "BooleanEquals": true}"#, #"{"v": false}"#, false),
        (#"{"Variable": "$.v", "BooleanEquals": true}"#, #"{"v": "true"}"#, false),
        (#"{"Variable": "$.v", "BooleanEqualsPath": "$.w"}"#, #"{"v": false, "w": false}"#, true),
        (#"{"Variable": "$.v", "BooleanEqualsPath": "$.w"}"#, #"{"v": false, "w": 0}"#, false),
    ])
    func booleanComparisons(rule: String, input: String, expected: Bool) throws {
        #expect(try evaluateChoiceRule(rule, input: input) == expected)
    }

    @Test(arguments: [
        ("TimestampEquals", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55Z", true),
        ("TimestampEquals", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55.000Z", true),
        ("TimestampEquals", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55.001Z", false),
        ("TimestampLessThan", "2012-10-09T19:00:55.5Z", "2012-10-09T19:00:55.499999999Z", true),
        ("TimestampLessThan", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55Z", false),
        ("TimestampGreaterThan", "2012-10-09T19:00:55Z", "2012-10-09T19:00:56Z", true),
        ("TimestampLessThanEquals", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55Z", true),
        ("TimestampGreaterThanEquals", "2012-10-09T19:00:56Z", "2012-10-09T19:00:55Z", false),
        ("TimestampEquals", "2012-10-09T19:00:55Z", "2012-10-09T19:00:55", false),
        ("TimestampEquals", "2012-10-09T19:00:55", "2012-10-09T19:00:55", false),
    ])
    func timestampComparisons(
        comparisonOperator: String,
        operand: String,
        value: String,
        expected: Bool
    ) throws {
        let rule = #"{"Variable": "$.v", "\#(comparisonOperator)": "\#(operand)"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "\#(value)"}"#) == expected)

        let pathRule = #"{"Variable": "$.v", "\#(comparisonOperator)Path": "$.w"}"#
        let pathInput = #"{"v": "\#(value)", "w": "\#(operand)"}"#
        #expect(try evaluateChoiceRule(pathRule, input: pathInput) == expected)
    }

    @Test(arguments: [
        ("IsNull", "null", true), ("IsNull", "false", false), ("IsNull", #""""#, false),
        ("IsNumeric", "0", true), ("IsNumeric", "1.5e300", true), ("IsNumeric", #""1""#, false),
        ("IsString", #""""#, true), ("IsString", "[\"a\"]", false), ("IsString", "null", false),
        ("IsBoolean", "false", true), ("IsBoolean", "0", false), ("IsBoolean", #""true""#, false),
        ("IsTimestamp", #""2016-03-14T01:59:00Z""#, true),
        ("IsTimestamp", #""2016-03-14T01:59:00.123+05:30""#, true),
        ("IsTimestamp", #""2016-03-14T01:59:00""#, false),
        ("IsTimestamp", #""2023-02-24""#, false),
        ("IsTimestamp", "1457920740", false),
        ("IsPresent", "null", true), ("IsPresent", "{}", true),
    ])
    func typeTests(test: String, value: String, expected: Bool) throws {
        let input = #"{"v": \#(value)}"#
        let positive = #"{"Variable": "$.v", "\#(test)": true}"#
        let negative = #"{"Variable": "$.v", "\#(test)": false}"#
        #expect(try evaluateChoiceRule(positive, input: input) == expected)
        #expect(try evaluateChoiceRule(negative, input: input) == !expected)
    }

    @Test func andOrNotCombineAsBooleanLogic() throws {
        let input = #"{"type": "Private", "value": 22}"#
        let inTwenties = #"""
            {"And": [
                {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                {"Variable": "$.value", "NumericLessThan": 30}
            ]}
            """#
        #expect(try evaluateChoiceRule(inTwenties, input: input))
        let notPrivate = #"{"Not": {"Variable": "$.type", "StringEquals": "Private"}}"#
        #expect(try !evaluateChoiceRule(notPrivate, input: input))
        let either = #"""
            {"Or": [
                {"Variable": "$.type", "StringEquals": "Public"},
                {"Variable": "$.value", "NumericEquals": 22}
            ]}
            """#
        #expect(try evaluateChoiceRule(either, input: input))
    }

    @Test func firstMatchingChoiceReturnsTheFirstRuleThatHolds() throws {
        func branch(_ rule: String, _ next: String) throws -> ChoiceBranch {
            ChoiceBranch(rule: try ChoiceRuleReader.rule(rule), next: next)
        }
        let state = ChoiceState(
            choices: [
                try branch(#"{"Variable": "$.value", "NumericGreaterThan": 0}"#, "Positive"),
                try branch(#"{"Variable": "$.value", "NumericEquals": 0}"#, "Zero"),
                try branch(#"{"Variable": "$.value", "IsNumeric": true}"#, "Number"),
            ],
            defaultNext: "Other"
        )

        let zero: JSONValue = ["value": 0]
        let match = try ChoiceEvaluator.firstMatchingChoice(in: state) { path in
            ChoiceTestResolver.value(at: path, in: zero)
        }
        #expect(match == 1)

        let text: JSONValue = ["value": "zero"]
        let none = try ChoiceEvaluator.firstMatchingChoice(in: state) { path in
            ChoiceTestResolver.value(at: path, in: text)
        }
        #expect(none == nil)
    }
}
