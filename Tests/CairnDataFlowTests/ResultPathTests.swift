// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

@Suite struct ResultPathTests {
    @Test(arguments: [
        ("$", #"{"a":1}"#, #""r""#),
        ("$.result", #"{"a":1}"#, #"{"a":1,"result":"r"}"#),
        ("$.a", #"{"a":1}"#, #"{"a":"r"}"#),
        ("$.x.y.z", #"{"a":1}"#, #"{"a":1,"x":{"y":{"z":"r"}}}"#),
        ("$.x.y", #"{"x":{"keep":true}}"#, #"{"x":{"keep":true,"y":"r"}}"#),
        ("$.list[1]", #"{"list":[0,1]}"#, #"{"list":[0,"r"]}"#),
        ("$['a b']", "{}", #"{"a b":"r"}"#),
    ])
    func insertsTheResult(_ path: String, _ input: String, _ expected: String) throws {
        let resultPath = DataPath.path(try JSONPath(parsing: path))
        let output = try resultPath.applyingResult("r", to: JSONValue(parsing: input))
        #expect(output == (try JSONValue(parsing: expected)))
    }

    @Test func absentReplacesAndNullKeepsTheInput() throws {
        #expect(try DataPath.whole.applyingResult(1, to: ["a": 1]) == 1)
        #expect(try DataPath.discard.applyingResult(1, to: ["a": 1]) == ["a": 1])
    }

    @Test(arguments: [
        ("$.a.b", #"{"a":"text"}"#),
        ("$.a", #""just a string""#),
        ("$.list[5]", #"{"list":[0]}"#),
        ("$.list[*]", #"{"list":[0]}"#),
        ("$$.State", "{}"),
    ])
    func failsWhereThePathCannotApply(_ path: String, _ input: String) throws {
        let document = try JSONValue(parsing: input)
        let expected = WorkflowFailure(
            error: "States.ResultPathMatchFailure",
            cause: "Unable to apply ReferencePath \(path) to input \(document.compactText)"
        )
        #expect(throws: expected) {
            try JSONPath(parsing: path).inserting("r", into: document)
        }
    }
}
