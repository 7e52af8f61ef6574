// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Testing

@Suite struct IntrinsicParsingTests {
    @Test func readsEveryKindOfArgument() throws {
        let call = try IntrinsicCall(
            parsing: "States.Array('it\\'s', -1.5, true, false, null, $.a[0,1], $$.State.Name, "
                + "$count, States.UUID())"
        )
        #expect(call.function == .array)
        #expect(call.name == "States.Array")
        #expect(call.arguments == [
            .literal("it's"),
            .literal(.number(try #require(JSONNumber(literal: "-1.5")))),
            .literal(true),
            .literal(false),
            .literal(nil),
            .path(try JSONPath(parsing: "$.a[0,1]")),
            .path(try JSONPath(parsing: "$$.State.Name")),
            .path(try JSONPath(parsing: "$count")),
            .call(try IntrinsicCall(parsing: "States.UUID()")),
        ])
    }

    @Test func splitsFormatTemplatesAtUnescapedPlaceholdersOnly() throws {
        let call = try IntrinsicCall(parsing: #"States.Format('a {} b \{\} c \\ {}', $.x, $.y)"#)
        #expect(call.arguments.first == .template(["a ", #" b {} c \ "#, ""]))
    }

    @Test func keepsOtherBackslashesAndUnescapedBracesInLiterals() throws {
        let call = try IntrinsicCall(parsing: #"States.StringToJson('{"t":"a \"q\""}')"#)
        #expect(call.arguments == [.literal(#"{"t":"a \"q\""}"#)])
    }

    @Test func readsNestedCalls() throws {
        let call = try IntrinsicCall(
            parsing: "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($.n, '-')), -1))"
        )
        guard case .call(let add) = call.arguments[1] else {
            Issue.record("expected a nested call")
            return
        }
        #expect(add.function == .mathAdd)
        #expect(add.text == "States.MathAdd(States.ArrayLength(States.StringSplit($.n, '-')), -1)")
    }

    @Test(arguments: [
        ("States.Nope(1)", "'States.Nope(1)' is not a valid intrinsic function call: "
            + "'States.Nope' is not an intrinsic function (at character 12)"),
        ("States.ArrayGetItem($.a)", "'States.ArrayGetItem($.a)' is not a valid intrinsic "
            + "function call: States.ArrayGetItem takes 2 arguments but was given 1 "
            + "(at character 25)"),
        ("States.UUID(1)", "'States.UUID(1)' is not a valid intrinsic function call: "
            + "States.UUID takes no arguments but was given 1 (at character 15)"),
        ("States.Format('x)", "'States.Format('x)' is not a valid intrinsic function call: "
            + "unterminated string literal (at character 18)"),
        ("States.Array(1) x", "'States.Array(1) x' is not a valid intrinsic function call: "
            + "unexpected 'x' after the call (at character 17)"),
        ("hello", "'hello' is not a valid intrinsic function call: expected a call such as "
            + "States.Format(...) (at character 6)"),
    ])
    func rejectsMalformedCalls(_ text: String, _ message: String) {
        #expect {
            try IntrinsicCall(parsing: text)
        } throws: { error in
            let definitionError = error as? CairnDefinitionError
            return definitionError?.code == .invalidIntrinsic && definitionError?.message == message
        }
    }

    @Test func reportsWhereInATemplateTheProblemIs() {
        let template: JSONValue = ["outer": ["list": [["bad.$": "States.Nope()"]]]]
        #expect {
            try PayloadTemplate(compiling: template)
        } throws: { error in
            (error as? CairnDefinitionError)?.documentPath
                == [.key("outer"), .key("list"), .index(0), .key("bad.$")]
        }
    }

    @Test func rejectsADynamicMemberThatIsNotAString() {
        #expect {
            try PayloadTemplate(compiling: ["n.$": 3])
        } throws: { error in
            let definitionError = error as? CairnDefinitionError
            return definitionError?.code == .invalidTemplate
                && definitionError?.documentPath == [.key("n.$")]
        }
    }
}
