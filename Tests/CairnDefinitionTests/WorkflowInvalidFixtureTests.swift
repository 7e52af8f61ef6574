// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Testing

/// Each invalid fixture with every problem it must report, in order, as
/// `line:column: message`.
struct InvalidFixture: Sendable, CustomTestStringConvertible {
    var file: String
    var problems: [String]

    var testDescription: String { file }
}

@Suite struct WorkflowInvalidFixtureTests {
    static let fixtures: [InvalidFixture] = [
        InvalidFixture(
            file: "jsonata-syntax.yaml",
            problems: [
                "7:20: Condition: the JSONata expression does not parse: "
                    + "Unexpected end of expression",
                "12:13: Output: the JSONata expression does not parse: "
                    + "Unexpected end of expression",
            ]
        ),
        InvalidFixture(
            file: "timeout-not-integer.json",
            problems: [
                #"8:25: TimeoutSeconds must be a positive integer, found the string "ten""#,
                "9:27: HeartbeatSeconds must be a positive integer, found the number 0",
            ]
        ),
        InvalidFixture(
            file: "missing-targets.json",
            problems: [
                "6:15: Next names 'Trian', which is not a state; did you mean 'Train'?",
                "12:49: Next names 'Cleanup', which is not a state",
                "21:18: Default names 'Retrain', which is not a state; did you mean 'Train'?",
            ]
        ),
        InvalidFixture(
            file: "unreachable-state.json",
            problems: [
                "2:14: StartAt names 'Frist', which is not a state; did you mean 'First'?"
            ]
        ),
        InvalidFixture(
            file: "orphan-state.json",
            problems: [
                "5:5: state 'Orphan' is never reached: no transition leads to it from StartAt"
            ]
        ),
        InvalidFixture(
            file: "terminal-rules.json",
            problems: [
                "4:5: state 'Start' needs Next or End: true",
                "12:7: a state cannot have both Next and End: true; keep one",
                "18:7: a Choice state cannot have the field 'End'",
                "20:32: a Succeed state cannot have the field 'Next'",
                "21:47: a Fail state cannot have the field 'End'",
            ]
        ),
        InvalidFixture(
            file: "field-names.json",
            problems: [
                "4:5: state 'Greet' needs Next or End: true",
                "7:7: unknown field 'Nxt' in a Pass state; did you mean 'Next'?",
                "12:7: a Task state cannot have the field 'Result'",
                "13:7: unknown field 'ResultSelecter' in a Task state; did you mean "
                    + "'ResultSelector'?",
                "17:15: unknown state type 'Tsk'; did you mean 'Task'?",
            ]
        ),
        InvalidFixture(
            file: "resources.json",
            problems: [
                "4:48: unknown resource 'cairn:exce'; did you mean 'cairn:exec'?",
                "5:44: 'cairn:registry.register' does not take the '.sync' suffix",
                "6:45: Resource must be a Cairn resource such as 'cairn:exec', or an 'arn:' "
                    + "for AWS, found 'lambda:train'",
                "7:5: a cairn:exec task needs Parameters with a Command, the program and its "
                    + "arguments as an array of strings",
                "12:20: Command must be a non-empty array of strings, found the string "
                    + #""python3 train.py""#,
                "13:9: cairn:exec does not take the parameter 'Comand'; did you mean 'Command'? "
                    + "(it takes Command, Payload, Env and WorkingDirectory)",
                "14:25: the value of the environment variable 'MODE' must be a string, "
                    + "found the number 3",
                "15:29: WorkingDirectory must be a string, found an array",
                "22:45: Command must be an array of strings, found the number 3 at index 1",
                "28:7: a cairn:exec task needs a Command, the program and its arguments as an "
                    + "array of strings",
            ]
        ),
        InvalidFixture(
            file: "retry-catch.json",
            problems: [
                "9:25: ErrorEquals must name at least one error",
                "9:48: IntervalSeconds must be a positive integer, found the number 0",
                "10:26: States.ALL must be the only error name in its ErrorEquals",
                "10:74: BackoffRate must be a number of at least 1.0, found the number 0.5",
                "11:26: a retrier that matches States.ALL must be the last one",
                "11:56: MaxAttempts must be an integer of at least 0, found the number -1",
                "11:78: JitterStrategy must be 'FULL' or 'NONE', found 'SOME'",
                "12:48: unknown field 'MaxAttemps' in a retrier; did you mean 'MaxAttempts'?",
                "15:26: a catcher that matches States.ALL must be the last one",
                "16:78: ResultPath must be a reference path, naming a single value without "
                    + "wildcards, filters or slices, found '$.a[*]'",
                "17:9: a catcher needs Next, the state that handles the error",
                "17:25: ErrorEquals must be an array of strings, found the string "
                    + #""States.TaskFailed""#,
            ]
        ),
        InvalidFixture(
            file: "paths.json",
            problems: [
                "6:20: InputPath: " + pathError("input"),
                "7:21: ResultPath must be a path into the state's input, starting with '$', "
                    + "found '$$.Execution.Id'",
                "8:21: OutputPath must be a path string or null, found the number 7",
                "10:23: unknown intrinsic function 'States.Fromat'; did you mean 'States.Format'?",
                "13:18: '9lives' is not a valid variable name: use letters, digits and '_', "
                    + "not starting with a digit, at most 80 characters",
            ]
        ),
        InvalidFixture(
            file: "jsonata-field-in-jsonpath.json",
            problems: [
                "7:7: 'Arguments' is a JSONata field and this state uses JSONPath; set "
                    + "QueryLanguage to JSONata to use it",
                "8:7: 'Output' is a JSONata field and this state uses JSONPath; set "
                    + "QueryLanguage to JSONata to use it",
                "9:24: QueryLanguage must be 'JSONPath' or 'JSONata', found 'JSONPathh'",
            ]
        ),
        InvalidFixture(
            file: "query-languages.json",
            problems: [
                "7:7: 'InputPath' is a JSONPath field and this state uses JSONata; use "
                    + "Arguments, Output and {% %} expressions instead",
                "8:17: Output: a JSONata expression must end with '%}'",
                "13:24: a state cannot use JSONPath when the state machine's QueryLanguage "
                    + "is JSONata",
                "19:9: a JSONata choice rule needs a Condition",
                "19:10: a JSONata choice rule cannot have the field 'Variable'",
                "19:29: a JSONata choice rule cannot have the field 'BooleanEquals'",
                #"20:23: Condition must be a JSONata expression "{% ... %}" or a boolean, "#
                    + #"found the string "yes""#,
            ]
        ),
        InvalidFixture(
            file: "choice-rules.json",
            problems: [
                "7:9: a choice rule needs a comparison such as StringEquals, or And, Or or Not",
                "8:50: a choice rule takes one condition, found both StringEquals and "
                    + "NumericEquals",
                #"9:46: NumericEquals must be a number, found the string "3""#,
                "10:9: a comparison with NumericEquals needs a Variable",
                #"11:51: IsPresent must be true or false, found the string "yes""#,
                "11:58: a nested choice rule cannot have the field 'Next'",
                "12:37: unknown field 'StringEqualz' in a nested choice rule; did you mean "
                    + "'StringEquals'?",
                "13:9: a choice rule needs Next, the state it leads to",
                "13:48: TimestampEquals must be an ISO 8601 timestamp such as "
                    + #"'2026-01-31T02:00:00Z', found the string "yesterday""#,
                "14:16: Or must be a non-empty array of rules, found an empty array",
            ]
        ),
        InvalidFixture(
            file: "wait-fail-map.json",
            problems: [
                "4:45: a Wait state takes only one of Seconds, SecondsPath, Timestamp and "
                    + "TimestampPath, found Seconds and Timestamp",
                "5:44: Timestamp must be an ISO 8601 date and time such as "
                    + "'2026-01-31T02:00:00Z', found 'tomorrow'",
                "6:5: Wait state 'Forever' needs one of Seconds, SecondsPath, Timestamp or "
                    + "TimestampPath",
                "10:37: ToleratedFailurePercentage must be a number from 0 to 100, found the "
                    + "number 150",
                "11:25: MaxConcurrency must be an integer of at least 0, found the number -1",
                "12:7: a Map state cannot have both ItemProcessor and Iterator; Iterator is the "
                    + "older name of ItemProcessor",
                "16:47: Branches must be a non-empty array of state machines, found an empty array",
                "17:50: a Fail state cannot have both Error and ErrorPath",
            ]
        ),
        InvalidFixture(
            file: "branch-scope.json",
            problems: [
                "9:55: Next names 'Join', which is not a state of this branch",
                "13:11: a branch cannot have the field 'TimeoutSeconds'",
            ]
        ),
        InvalidFixture(
            file: "wrapper-fields.json",
            problems: [
                "2:3: unknown field 'nmae' at the top of a workflow file; did you mean 'name'?",
                "3:3: unknown field 'StartAt' at the top of a workflow file; state machine "
                    + "fields belong under 'definition'",
            ]
        ),
        InvalidFixture(
            file: "long-state-name.json",
            problems: [
                "5:5: state name 'ThisStateNameIsFarTo...' is 82 characters long; the limit is 80"
            ]
        ),
        InvalidFixture(
            file: "not-a-state-machine.json",
            problems: [
                "1:1: a state machine needs StartAt, the name of its first state",
                "2:13: States must be an object of states by name, found an empty array",
                "3:14: Comment must be a string, found the number 3",
            ]
        ),
        InvalidFixture(
            file: "exec-command-string.yaml",
            problems: [
                "6:5: state 'Train' needs Next or End: true",
                "10:18: Command must be a non-empty array of strings, found the string "
                    + #""python3 train.py""#,
                #"11:23: TimeoutSeconds must be a positive integer, found the string "ten""#,
                "12:7: unknown field 'Nxt' in a Task state; did you mean 'Next'?",
                "15:17: unknown resource 'cairn:registry.registr'; did you mean "
                    + "'cairn:registry.register'?",
            ]
        ),
        InvalidFixture(
            file: "branch-scope.yaml",
            problems: [
                "10:19: Next names 'Join', which is not a state of this branch",
                #"16:10: End must be true or false, found the string "yes""#,
            ]
        ),
    ]

    @Test(arguments: fixtures)
    func reportsEveryProblemWithItsPlace(fixture: InvalidFixture) throws {
        let problems = try WorkflowFixtures.problems("invalid/" + fixture.file)

        #expect(problems == fixture.problems)
    }

    @Test func errorListsEveryProblemAsFileLineColumnMessage() throws {
        let path = try WorkflowFixtures.path("invalid/timeout-not-integer.json")

        let error = try #require(throws: CairnDefinitionError.self) {
            try WorkflowLoader.load(path: path)
        }

        #expect(error.code == .invalidDefinition)
        #expect(error.problems.allSatisfy { $0.location?.file == path })
        #expect(
            error.description == """
                \(path):8:25: TimeoutSeconds must be a positive integer, found the string "ten"
                \(path):9:27: HeartbeatSeconds must be a positive integer, found the number 0
                """
        )
    }

    /// The JSONPath parser's own words for a path that does not parse.
    static func pathError(_ text: String) -> String {
        do {
            _ = try JSONPath(parsing: text)
            return "'\(text)' parsed"
        } catch {
            return error.message
        }
    }
}
