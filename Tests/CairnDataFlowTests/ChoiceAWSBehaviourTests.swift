// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

/// The behaviours of AWS Choice rules that a reasonable implementation would
/// get wrong, each named after its surprise.
@Suite struct ChoiceAWSBehaviourTests {
    private static func runtimeFailure(path: String) -> WorkflowFailure {
        WorkflowFailure(
            error: "States.Runtime",
            cause: "Invalid path '\(path)': "
                + "The choice state's condition path references an invalid value."
        )
    }

    /// Every operator except IsPresent, with a literal of a fitting type.
    static let operatorsThatNeedAValue: [(name: String, operand: String)] = [
        ("StringEquals", #""a""#), ("StringLessThan", #""a""#), ("StringGreaterThan", #""a""#),
        ("StringLessThanEquals", #""a""#), ("StringGreaterThanEquals", #""a""#),
        ("StringMatches", #""a*""#), ("NumericEquals", "1"), ("NumericLessThan", "1"),
        ("NumericGreaterThan", "1"), ("NumericLessThanEquals", "1"),
        ("NumericGreaterThanEquals", "1"), ("BooleanEquals", "true"),
        ("TimestampEquals", #""2016-03-14T01:59:00Z""#),
        ("TimestampLessThan", #""2016-03-14T01:59:00Z""#),
        ("TimestampGreaterThan", #""2016-03-14T01:59:00Z""#),
        ("TimestampLessThanEquals", #""2016-03-14T01:59:00Z""#),
        ("TimestampGreaterThanEquals", #""2016-03-14T01:59:00Z""#),
        ("IsNull", "true"), ("IsNull", "false"), ("IsNumeric", "false"), ("IsString", "false"),
        ("IsBoolean", "false"), ("IsTimestamp", "false"),
    ]

    @Test(arguments: operatorsThatNeedAValue)
    func aMissingVariableIsARuntimeErrorNotAFalseRule(name: String, operand: String) {
        let rule = #"{"Variable": "$.missing", "\#(name)": \#(operand)}"#
        #expect(throws: Self.runtimeFailure(path: "$.missing")) {
            try evaluateChoiceRule(rule, input: #"{"present": 1}"#)
        }
    }

    @Test func aMissingVariableUnderNotIsStillAnError() {
        let rule = #"{"Not": {"Variable": "$.missing", "IsNull": false}}"#
        #expect(throws: Self.runtimeFailure(path: "$.missing")) {
            try evaluateChoiceRule(rule, input: "{}")
        }
    }

    @Test func aMissingComparisonPathNamesThatPathInTheError() {
        let rule = #"{"Variable": "$.left", "NumericEqualsPath": "$.right"}"#
        #expect(throws: Self.runtimeFailure(path: "$.right")) {
            try evaluateChoiceRule(rule, input: #"{"left": 7}"#)
        }
    }

    @Test func theVariableIsResolvedBeforeTheComparisonPath() {
        let rule = #"{"Variable": "$.left", "StringEqualsPath": "$.right"}"#
        #expect(throws: Self.runtimeFailure(path: "$.left")) {
            try evaluateChoiceRule(rule, input: "{}")
        }
    }

    @Test func aPathThroughAScalarSelectsNothing() {
        let rule = #"{"Variable": "$.a.b", "StringEquals": "x"}"#
        #expect(throws: Self.runtimeFailure(path: "$.a.b")) {
            try evaluateChoiceRule(rule, input: #"{"a": "not an object"}"#)
        }
    }

    @Test func isPresentOnAMissingFieldIsFalseNotAnError() throws {
        #expect(try !evaluateChoiceRule(#"{"Variable": "$.x", "IsPresent": true}"#, input: "{}"))
        #expect(try evaluateChoiceRule(#"{"Variable": "$.x", "IsPresent": false}"#, input: "{}"))
    }

    @Test func aNullFieldIsPresent() throws {
        let input = #"{"x": null}"#
        #expect(try evaluateChoiceRule(#"{"Variable": "$.x", "IsPresent": true}"#, input: input))
    }

    @Test func andStopsBeforeARuleThatWouldFail() throws {
        let guarded = #"""
            {"And": [
                {"Variable": "$.maybe", "IsPresent": true},
                {"Variable": "$.maybe", "StringEquals": "foo"}
            ]}
            """#
        #expect(try !evaluateChoiceRule(guarded, input: "{}"))
    }

    @Test func orStopsBeforeARuleThatWouldFail() throws {
        let guarded = #"""
            {"Or": [
                {"Variable": "$.maybe", "IsPresent": false},
                {"Variable": "$.maybe", "StringEquals": "foo"}
            ]}
            """#
        #expect(try evaluateChoiceRule(guarded, input: "{}"))
    }

    @Test(arguments: [
        #"{"Variable": "$.v", "NumericEquals": 0}"#,
        #"{"Variable": "$.v", "NumericLessThan": 1}"#,
        #"{"Variable": "$.v", "StringEquals": "0"}"#,
        #"{"Variable": "$.v", "BooleanEquals": false}"#,
        #"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#,
        #"{"Variable": "$.v", "StringMatches": "*"}"#,
    ])
    func aValueOfTheWrongTypeIsFalseNotAnError(rule: String) throws {
        for value in ["null", #""0""#, "0", "false", "[]", "{}", "[0]"] {
            let input = #"{"v": \#(value)}"#
            let fitsTheOperator = try evaluateChoiceRule(rule, input: input)
            // Only the value of the operator's own type may match.
            #expect(!fitsTheOperator || rule.contains(Self.typeMatching(value)))
        }
    }

    @Test func notOfAWrongTypeComparisonIsTrue() throws {
        let rule = #"{"Not": {"Variable": "$.v", "NumericEquals": 1}}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "1"}"#))
    }

    @Test func numericEqualsIgnoresHowTheNumberIsWritten() throws {
        let rule = #"{"Variable": "$.v", "NumericEqualsPath": "$.w"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": 0, "w": 0.0}"#))
        #expect(try evaluateChoiceRule(rule, input: #"{"v": 100, "w": 1E2}"#))
    }

    @Test func integersBeyondDoublePrecisionStillCompareExactly() throws {
        let equals = #"{"Variable": "$.v", "NumericEquals": 9007199254740992}"#
        #expect(try !evaluateChoiceRule(equals, input: #"{"v": 9007199254740993}"#))
        let greater = #"{"Variable": "$.v", "NumericGreaterThan": 12345678901234567889}"#
        #expect(try evaluateChoiceRule(greater, input: #"{"v": 12345678901234567890}"#))
        let huge = #"{"Variable": "$.v", "NumericGreaterThan": 1e399}"#
        #expect(try evaluateChoiceRule(huge, input: #"{"v": 1e400}"#))
        #expect(try !evaluateChoiceRule(huge, input: #"{"v": -1e400}"#))
    }

    @Test func stringsAreNotUnicodeNormalised() throws {
        let rule = #"{"Variable": "$.v", "StringEquals": "\u00e9"}"#
        #expect(try !evaluateChoiceRule(rule, input: #"{"v": "e\u0301"}"#))
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "\u00e9"}"#))
    }

    @Test func stringsOrderByUTF16CodeUnitsAsJavaDoes() throws {
        // U+1F600 is the surrogate pair D83D DE00, which sorts below U+FFFF in
        // UTF-16 even though the code point is larger.
        let rule = #"{"Variable": "$.v", "StringLessThan": "\uffff"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "\ud83d\ude00"}"#))
    }

    @Test func upperCaseSortsBeforeLowerCase() throws {
        let rule = #"{"Variable": "$.v", "StringLessThan": "a"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "Z"}"#))
    }

    @Test func timestampsCompareAsInstantsAcrossOffsets() throws {
        let rule = #"{"Variable": "$.v", "TimestampEquals": "2012-10-09T19:00:55Z"}"#
        #expect(try evaluateChoiceRule(rule, input: #"{"v": "2012-10-09T20:00:55+01:00"}"#))
        let strings = #"{"Variable": "$.v", "StringEquals": "2012-10-09T19:00:55Z"}"#
        #expect(try !evaluateChoiceRule(strings, input: #"{"v": "2012-10-09T20:00:55+01:00"}"#))
    }

    @Test func aTimestampWithoutAnOffsetIsJustAString() throws {
        let input = #"{"v": "2012-10-09T19:00:55"}"#
        #expect(try !evaluateChoiceRule(#"{"Variable": "$.v", "IsTimestamp": true}"#, input: input))
        #expect(try evaluateChoiceRule(#"{"Variable": "$.v", "IsString": true}"#, input: input))
    }

    @Test(arguments: [#"a\\b"#, #"abc\\"#, #"\\\\\\"#])
    func anOpenEscapeInStringMatchesIsARuntimeError(pattern: String) {
        let rule = #"{"Variable": "$.v", "StringMatches": "\#(pattern)"}"#
        #expect(throws: WorkflowFailure.self) {
            try evaluateChoiceRule(rule, input: #"{"v": "abc"}"#)
        }
    }

    @Test func stringMatchesHasNoSingleCharacterWildcard() throws {
        let rule = #"{"Variable": "$.v", "StringMatches": "file?.txt"}"#
        #expect(try !evaluateChoiceRule(rule, input: #"{"v": "file1.txt"}"#))
    }

    @Test func jsonataConditionsAreNotSupportedYet() {
        let rule = ChoiceRule.condition("{% $states.input.ok %}")
        #expect(throws: WorkflowFailure.self) {
            try ChoiceEvaluator.evaluate(rule) { _ in nil }
        }
    }

    @Test func aResolverFailurePassesThroughUnchanged() throws {
        let failure = WorkflowFailure(error: "States.Runtime", cause: "resolver says no")
        let rule = try ChoiceRuleReader.rule(#"{"Variable": "$.v", "IsPresent": true}"#)
        #expect(throws: failure) {
            try ChoiceEvaluator.evaluate(rule) { _ throws(WorkflowFailure) in throw failure }
        }
    }

    /// The operator-name fragment of a rule that `value` (JSON) fits.
    private static func typeMatching(_ value: String) -> String {
        switch value {
        case "0": "Numeric"
        case "false": "Boolean"
        case #""0""#: "String"
        default: "no operator fits"
        }
    }
}
