// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Testing

/// A one-state definition and the problems it must report.
struct DefinitionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var state: String
    var problems: [String]

    var testDescription: String { name }

    /// The whole definition: the state is `S` on line 2, its fields from column 9.
    var text: String {
        """
        {"StartAt": "S", "States": {
          "S": \(state)
        }}
        """
    }
}

@Suite struct WorkflowLoaderTests {
    static let cases: [DefinitionCase] = [
        DefinitionCase(
            name: "heartbeat not below timeout",
            state: #"{"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 5, "#
                + #""HeartbeatSeconds": 5, "End": true}"#,
            problems: ["2:87: HeartbeatSeconds (5) must be smaller than TimeoutSeconds (5)"]
        ),
        DefinitionCase(
            name: "literal and path form together",
            state: #"{"Type": "Task", "Resource": "arn:x", "TimeoutSeconds": 5, "#
                + #""TimeoutSecondsPath": "$.t", "End": true}"#,
            problems: ["2:67: a state cannot have both TimeoutSeconds and TimeoutSecondsPath"]
        ),
        DefinitionCase(
            name: "distributed map without execution type",
            state: #"{"Type": "Map", "ItemProcessor": {"#
                + #""ProcessorConfig": {"Mode": "DISTRIBUTED"}, "#
                + #""StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}"#,
            problems: ["2:42: a DISTRIBUTED Map needs an ExecutionType"]
        ),
        DefinitionCase(
            name: "processor mode misspelled",
            state: #"{"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLNE"}, "#
                + #""StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}"#,
            problems: ["2:70: Mode must be 'INLINE' or 'DISTRIBUTED', found 'INLNE'"]
        ),
        DefinitionCase(
            name: "item processor states are their own scope",
            state: #"{"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": "#
                + #"{"P": {"Type": "Pass", "Next": "S"}}}, "End": true}"#,
            problems: ["2:99: Next names 'S', which is not a state of this item processor"]
        ),
        DefinitionCase(
            name: "unknown intrinsic in CausePath",
            state: #"{"Type": "Fail", "CausePath": "States.Formt('{}', $.x)"}"#,
            problems: [
                "2:38: unknown intrinsic function 'States.Formt'; did you mean 'States.Format'?"
            ]
        ),
        DefinitionCase(
            name: "nested intrinsic names are checked",
            state: #"{"Type": "Pass", "Parameters": {"id.$": "States.Format('{}', "#
                + #"States.UUDI())"}, "End": true}"#,
            problems: [
                "2:48: unknown intrinsic function 'States.UUDI'; did you mean 'States.UUID'?"
            ]
        ),
        DefinitionCase(
            name: "dynamic template member must be a string",
            state: #"{"Type": "Pass", "Parameters": {"id.$": 3}, "End": true}"#,
            problems: [
                "2:48: the value of 'id.$' must be a path or an intrinsic function call "
                    + "written as a string"
            ]
        ),
        DefinitionCase(
            name: "JSONata items must be an array or an expression",
            state: #"{"Type": "Map", "QueryLanguage": "JSONata", "Items": "$.list", "#
                + #""ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "#
                + #""End": true}}}, "End": true}"#,
            problems: [
                #"2:61: Items must be an array or a JSONata expression, found the string "$.list""#
            ]
        ),
        DefinitionCase(
            name: "JSONata integer expression must be closed",
            state: #"{"Type": "Wait", "QueryLanguage": "JSONata", "Seconds": "{% 3", "End": true}"#,
            problems: ["2:64: Seconds: a JSONata expression must end with '%}'"]
        ),
        DefinitionCase(
            name: "Map Parameters and ItemSelector together",
            state: #"{"Type": "Map", "ItemSelector": {}, "Parameters": {}, "ItemProcessor": "#
                + #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "#
                + #""End": true}"#,
            problems: [
                "2:44: a Map state cannot have both ItemSelector and Parameters; Parameters is "
                    + "the older name of ItemSelector"
            ]
        ),
        DefinitionCase(
            name: "exec wait for task token is accepted",
            state: #"{"Type": "Task", "Resource": "cairn:exec.waitForTaskToken", "#
                + #""Parameters": {"Command": ["notify"]}, "End": true}"#,
            problems: []
        ),
        DefinitionCase(
            name: "registry approve takes no suffix",
            state: #"{"Type": "Task", "Resource": "cairn:registry.approve.waitForTaskToken", "#
                + #""End": true}"#,
            problems: [
                "2:37: 'cairn:registry.approve' does not take the '.waitForTaskToken' suffix"
            ]
        ),
        DefinitionCase(
            name: "state must be an object",
            state: #"["Pass"]"#,
            problems: [#"2:8: state 'S' must be an object, found an array"#]
        ),
        DefinitionCase(
            name: "state without Type",
            state: #"{"End": true}"#,
            problems: ["2:3: state 'S' needs a Type"]
        ),
    ]

    @Test(arguments: cases)
    func decodingReportsProblemsOfOneState(definition: DefinitionCase) throws {
        let (value, sourceMap) = try JSONValue.parseWithSourceMap(definition.text, file: "s.json")
        let problems = WorkflowLoader.problems(in: value, sourceMap: sourceMap)

        let described = problems.map { problem in
            "\(problem.location?.line ?? 0):\(problem.location?.column ?? 0): \(problem.message)"
        }
        #expect(described == definition.problems)
    }

    @Test func decodedTextNamesTheWorkflowAfterItsFile() throws {
        let text = #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#

        let workflow = try WorkflowLoader.decode(text: text, file: "flows/hello.world.json")

        #expect(workflow.name == "hello.world")
        #expect(workflow.file == "flows/hello.world.json")
        #expect(workflow.definitionValue == (try JSONValue(parsing: text)))
    }

    @Test func malformedJSONIsASyntaxError() throws {
        let error = try #require(throws: CairnDefinitionError.self) {
            try WorkflowLoader.decode(text: "{\"StartAt\": }", file: "broken.json")
        }

        #expect(error.code == .syntax)
        #expect(error.location?.file == "broken.json")
        #expect(error.location?.line == 1)
    }

    @Test func malformedYAMLIsASyntaxError() throws {
        let error = try #require(throws: CairnDefinitionError.self) {
            try WorkflowLoader.decode(text: "StartAt: [A\n", file: "broken.yaml")
        }

        #expect(error.code == .syntax)
        #expect(error.location?.file == "broken.yaml")
    }

    @Test func missingFileIsUnreadable() throws {
        let error = try #require(throws: CairnDefinitionError.self) {
            try WorkflowLoader.load(path: "/nonexistent/cairn/flow.yaml")
        }

        #expect(error.code == .unreadableFile)
    }

    @Test func wrapperWithoutDefinitionIsReported() throws {
        let (value, sourceMap) = try JSONValue.parseWithSourceMap(
            #"{"name": "x", "description": 7}"#,
            file: "w.json"
        )

        let problems = WorkflowLoader.problems(in: value, sourceMap: sourceMap).map(\.description)

        #expect(problems == [
            "w.json:1:1: a workflow file needs 'definition', the state machine "
                + "(StartAt and States)",
            "w.json:1:30: description must be a string, found the number 7",
        ])
    }
}
