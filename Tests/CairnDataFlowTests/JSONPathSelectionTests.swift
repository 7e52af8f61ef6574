// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

@Suite struct JSONPathSelectionTests {
    static let store: JSONValue = [
        "store": [
            "book": [
                ["title": "Sayings", "price": 8.95, "isbn": "0-553"],
                ["title": "Sword", "price": 12.99],
                ["title": "Moby Dick", "price": 8.99, "isbn": "0-395"],
            ],
            "bicycle": ["color": "red", "price": 19.95],
        ],
        "expensive": 10,
    ]

    static func select(_ text: String) throws -> JSONValue {
        let scope = EvaluationScope(input: store, context: ["State": ["Name": "S"]])
        return try scope.select(JSONPath(parsing: text))
    }

    @Test(arguments: [
        ("$.store.bicycle.color", #""red""#),
        ("$['store']['bicycle']['price']", "19.95"),
        ("$.store.book[1].title", #""Sword""#),
        ("$.store.book[-1].title", #""Moby Dick""#),
        ("$.store.book[*].title", #"["Sayings","Sword","Moby Dick"]"#),
        ("$.store.book[0,2].price", "[8.95,8.99]"),
        ("$.store.book[1:].title", #"["Sword","Moby Dick"]"#),
        ("$.store.book[:1].title", #"["Sayings"]"#),
        ("$.store.book[-1:].title", #"["Moby Dick"]"#),
        ("$.store.book[?(@.isbn)].title", #"["Sayings","Moby Dick"]"#),
        ("$.store.book[?(@.price < 10)].title", #"["Sayings","Moby Dick"]"#),
        ("$.store.book[?(@.price > $.expensive)].title", #"["Sword"]"#),
        ("$.store.book[?(@.price < 9 && @.title =~ /moby.*/i)].price", "[8.99]"),
        ("$.store.book[?(@.title in ['Sword', 'Nope'])].price", "[12.99]"),
        ("$.store.book[?(@.isbn != '0-553')].title", #"["Sword","Moby Dick"]"#),
        ("$..price", "[8.95,12.99,8.99,19.95]"),
        ("$.store.book.length()", "3"),
        ("$.store.bicycle['color','price']", #"{"color":"red","price":19.95}"#),
        ("$.store.bicycle.*", #"["red",19.95]"#),
        ("$.nothing[*]", "[]"),
        ("$.store.book[5:9]", "[]"),
    ])
    func selectsWhatJaywaySelects(_ path: String, _ expected: String) throws {
        #expect(try JSONPathSelectionTests.select(path) == JSONValue(parsing: expected))
    }

    @Test func readsTheContextObjectAndVariables() throws {
        let scope = EvaluationScope(
            input: [:],
            context: ["State": ["Name": "Check"]],
            variables: ["limits": ["max": 3]]
        )
        #expect(try scope.select(JSONPath(parsing: "$$.State.Name")) == "Check")
        #expect(try scope.select(JSONPath(parsing: "$limits.max")) == 3)
        #expect(try scope.select(JSONPath(parsing: "$$")) == ["State": ["Name": "Check"]])
    }

    @Test(arguments: [
        ("$.NoSuchInputPath", "Invalid path '$.NoSuchInputPath' : "
            + "No results for path: $['NoSuchInputPath']"),
        ("$.store.book[7]", "Invalid path '$.store.book[7]' : "
            + "No results for path: $['store']['book'][7]"),
        ("$.nothing.deeper", "Invalid path '$.nothing.deeper' : "
            + "Missing property in path $['nothing']"),
        ("$.expensive.deeper", "Invalid path '$.expensive.deeper' : "
            + "No results for path: $['expensive']['deeper']"),
    ])
    func reportsAMissingDefinitePathAsAWSDoes(_ path: String, _ cause: String) {
        #expect(throws: WorkflowFailure(error: "States.Runtime", cause: cause)) {
            try JSONPathSelectionTests.select(path)
        }
    }

    @Test func namesTheFieldAndQuotesTheInputForTemplatePaths() throws {
        let scope = EvaluationScope(input: ["int-literal": 0])
        let path = try JSONPath(parsing: "$$.Execution.Input.no_such_jsonpath")
        let expected = WorkflowFailure(
            error: "States.Runtime",
            cause: "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field "
                + #"'value.$' could not be found in the input '{"int-literal":0}'"#
        )
        #expect(throws: expected) {
            try scope.evaluate(PayloadTemplate(compiling: ["value.$": .string(path.text)]),
                field: "Parameters")
        }
    }

    @Test func prefixesCausesWithTheStateAsAWSDoes() {
        let failure = WorkflowFailure(error: "States.Runtime", cause: "Invalid path '$.x'")
        #expect(
            failure.locatedInState("pass", enteredEventID: 2).cause
                == "An error occurred while executing the state 'pass' (entered at the event "
                + "id #2). Invalid path '$.x'"
        )
    }

    @Test func lookUpAnswersNilInsteadOfFailing() throws {
        let scope = EvaluationScope(input: ["a": nil])
        #expect(scope.value(at: try JSONPath(parsing: "$.a")) == .null)
        #expect(scope.value(at: try JSONPath(parsing: "$.b")) == nil)
        #expect(scope.value(at: try JSONPath(parsing: "$missing")) == nil)
    }

    @Test func nullPathsDiscardAsInputPathAndOutputPathDo() throws {
        let scope = EvaluationScope(input: ["a": 1])
        #expect(try scope.select(DataPath.discard) == [:])
        #expect(try scope.select(DataPath.whole) == ["a": 1])
    }
}
