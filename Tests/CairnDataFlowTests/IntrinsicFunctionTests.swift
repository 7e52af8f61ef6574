// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

@Suite struct IntrinsicFunctionTests {
    static let input: JSONValue = [
        "name": "World",
        "list": [1, 2, 2, 3],
        "object": ["a": 1, "b": ["x", nil, true]],
        "big": 12_345_678.5,
        "small": 0.00001,
        "text": "a,b;;c",
    ]

    static func evaluate(_ text: String, random: RandomSource = .seeded(7)) throws -> JSONValue {
        let scope = EvaluationScope(input: input, random: random)
        return try scope.evaluate(IntrinsicCall(parsing: text), field: "value.$")
    }

    @Test(arguments: [
        ("States.Format('Hello {}!', $.name)", #""Hello World!""#),
        (#"States.Format('\{\} {}', $.name)"#, #""{} World""#),
        ("States.Format('{} {} {}', $.object, $.list, $.big)",
            #""{a=1, b=[x, null, true]} [1, 2, 2, 3] 1.23456785E7""#),
        ("States.Format('{}', $.small)", #""1.0E-5""#),
        ("States.JsonToString($.object)", #""{\"a\":1,\"b\":[\"x\",null,true]}""#),
        ("States.JsonToString($.big)", #""1.23456785E7""#),
        ("States.StringToJson('  [1, 2.50, \"x\"] ')", #"[1,2.5,"x"]"#),
        ("States.StringToJson('-0')", "0"),
        ("States.ArrayUnique($.list)", "[1,2,3]"),
        ("States.ArrayContains($.list, 3)", "true"),
        ("States.ArrayRange(10, 1, -4)", "[10,6,2]"),
        ("States.ArrayRange(1, 0, 1)", "[]"),
        ("States.ArrayPartition($.list, 3)", "[[1,2,2],[3]]"),
        ("States.ArrayGetItem($.list, 3)", "3"),
        ("States.ArrayLength(States.Array())", "0"),
        ("States.StringSplit($.text, ',;')", #"["a","b","c"]"#),
        ("States.JsonMerge($.object, States.StringToJson('{\"b\":0,\"c\":2}'), false)",
            #"{"a":1,"b":0,"c":2}"#),
        ("States.MathAdd(-1.5, 2.5)", "2"),
        ("States.Hash('input data', 'MD5')", #""812f45842bc6d66ee14572ce20db8e86""#),
        ("States.Base64Decode(States.Base64Encode('héllo'))", #""héllo""#),
    ])
    func computesLikeAWS(_ text: String, _ expected: String) throws {
        #expect(try IntrinsicFunctionTests.evaluate(text) == JSONValue(parsing: expected))
    }

    @Test(arguments: [
        ("States.Format('{} {}', $.name)",
            "Invalid arguments in States.Format: the template has 2 placeholder(s) but "
            + "1 value(s) were given"),
        ("States.ArrayGetItem($.list, 4)",
            "Invalid arguments in States.ArrayGetItem: the index 4 is out of bounds for an "
            + "array of 4 element(s)"),
        ("States.ArrayGetItem($.name, 0)",
            "Invalid arguments in States.ArrayGetItem: the first argument must be an array, "
            + #"but was the string "World""#),
        ("States.ArrayPartition($.list, 0)",
            "Invalid arguments in States.ArrayPartition: the second argument must be a "
            + "positive integer, but was 0"),
        ("States.ArrayRange(0, 1, 0)",
            "Invalid arguments in States.ArrayRange: the third argument (the step) must not be 0"),
        ("States.ArrayRange(0, 1000, 1)",
            "Invalid arguments in States.ArrayRange: the range would hold more than 1000 "
            + "elements"),
        ("States.ArrayRange(0, 1.5, 1)",
            "Invalid arguments in States.ArrayRange: the second argument must be an integer, "
            + "but was the number 1.5"),
        ("States.Hash('x', 'SHA-2')",
            "Invalid arguments in States.Hash: the algorithm 'SHA-2' is not one of MD5, SHA-1, "
            + "SHA-256, SHA-384, SHA-512"),
        ("States.JsonMerge($.object, $.object, true)",
            "Invalid arguments in States.JsonMerge: deep merging is not supported; the third "
            + "argument must be false"),
        ("States.MathAdd(2147483647.6, 0)",
            "Invalid arguments in States.MathAdd: the first argument must be between "
            + "-2147483648 and 2147483647, but was 2147483648"),
        ("States.MathRandom(5, 5)",
            "Invalid arguments in States.MathRandom: the first argument (5) must be less than "
            + "the second argument (5)"),
        ("States.StringToJson('{oops')",
            "Invalid arguments in States.StringToJson: the first argument is not valid JSON: "
            + #""{oops""#),
        ("States.Base64Decode('***')",
            "Invalid arguments in States.Base64Decode: the first argument is not valid Base64"),
    ])
    func rejectsBadArgumentsWithAnIntrinsicFailure(_ text: String, _ cause: String) {
        #expect(throws: WorkflowFailure(error: "States.IntrinsicFailure", cause: cause)) {
            try IntrinsicFunctionTests.evaluate(text)
        }
    }

    @Test func aMissingPathArgumentIsARuntimeErrorNamingTheField() {
        let expected = WorkflowFailure(
            error: "States.Runtime",
            cause: "The JSONPath '$.missing' specified for the field 'value.$' could not be "
                + "found in the input '\(IntrinsicFunctionTests.input.compactText)'"
        )
        #expect(throws: expected) {
            try IntrinsicFunctionTests.evaluate("States.ArrayLength($.missing)")
        }
    }

    @Test func rejectsLongStringsForEncodingAndHashing() {
        let long = String(repeating: "a", count: 10_001)
        let scope = EvaluationScope(input: ["long": .string(long)])
        #expect(throws: WorkflowFailure.self) {
            try scope.evaluate(IntrinsicCall(parsing: "States.Base64Encode($.long)"), field: "x")
        }
    }

    @Test func drawsRandomnessOnlyFromTheInjectedSource() throws {
        let first = try IntrinsicFunctionTests.evaluate("States.MathRandom(1, 1000)")
        let again = try IntrinsicFunctionTests.evaluate("States.MathRandom(1, 1000)")
        #expect(first == again)
        let value = try #require(first.numberValue?.int64Value)
        #expect((1..<1000).contains(value))

        let uuid = try #require(try IntrinsicFunctionTests.evaluate("States.UUID()").stringValue)
        #expect(uuid.count == 36)
        #expect(Array(uuid)[14] == "4")
        #expect("89ab".contains(Array(uuid)[19]))
    }

    @Test func aSeedFixesMathRandomWhateverTheSource() throws {
        let text = "States.MathRandom(0, 999, 3)"
        let one = try IntrinsicFunctionTests.evaluate(text, random: .seeded(1))
        let two = try IntrinsicFunctionTests.evaluate(text, random: .system)
        #expect(one == two)
    }
}
