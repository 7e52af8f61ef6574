// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

/// Round trips over generated values; the generator is seeded, so a failure
/// reproduces with the seed in its name.
@Suite struct RoundTripPropertyTests {
    /// A small deterministic generator of JSON values.
    struct Generator {
        var random: RandomSource

        func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(random.nextUInt64() % UInt64(range.count))
        }

        func string() -> String {
            let alphabet = Array("ab c,\"\\{}'é😀\n\t/")
            return String((0..<int(0...8)).map { _ in alphabet[int(0...alphabet.count - 1)] })
        }

        func value(depth: Int = 0) -> JSONValue {
            switch int(0...(depth > 2 ? 3 : 5)) {
            case 0: return .null
            case 1: return .bool(int(0...1) == 1)
            case 2: return .number(JSONNumber(int(-1_000_000...1_000_000)))
            case 3: return .string(string())
            case 4: return .array((0..<int(0...4)).map { _ in value(depth: depth + 1) })
            default:
                var object = JSONObject()
                for _ in 0..<int(0...4) { object[string()] = value(depth: depth + 1) }
                return .object(object)
            }
        }
    }

    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func stringToJSONUndoesJSONToString(seed: UInt64) throws {
        let value = Generator(random: .seeded(seed)).value()
        let scope = EvaluationScope(input: ["v": value])
        let call = try IntrinsicCall(parsing: "States.StringToJson(States.JsonToString($.v))")
        #expect(try scope.evaluate(call, field: "x") == value)
    }

    @Test(arguments: seeds)
    func base64DecodeUndoesEncode(seed: UInt64) throws {
        let text = Generator(random: .seeded(seed)).string()
        let scope = EvaluationScope(input: ["t": .string(text)])
        let call = try IntrinsicCall(parsing: "States.Base64Decode(States.Base64Encode($.t))")
        #expect(try scope.evaluate(call, field: "x") == .string(text))
    }

    @Test(arguments: seeds)
    func partitionsFlattenBackToTheArray(seed: UInt64) throws {
        let generator = Generator(random: .seeded(seed))
        let elements = (0..<generator.int(0...30)).map { _ in generator.value(depth: 3) }
        let size = generator.int(1...7)
        let scope = EvaluationScope(input: ["a": .array(elements), "n": .number(JSONNumber(size))])
        let call = try IntrinsicCall(parsing: "States.ArrayPartition($.a, $.n)")
        let chunks = try #require(try scope.evaluate(call, field: "x").arrayValue)
        #expect(chunks.flatMap { $0.arrayValue ?? [] } == elements)
        #expect(chunks.dropLast().allSatisfy { $0.arrayValue?.count == size })
        #expect(chunks.last.map { ($0.arrayValue?.count ?? 0) <= size } ?? elements.isEmpty)
    }

    @Test(arguments: seeds)
    func resultPathThenSelectGivesTheResultBack(seed: UInt64) throws {
        let generator = Generator(random: .seeded(seed))
        let names = (0..<generator.int(1...4)).map { _ in "k\(generator.int(0...3))" }
        let path = try JSONPath(parsing: "$." + names.joined(separator: "."))
        let result = generator.value()
        let output = try path.inserting(result, into: [:])
        #expect(try EvaluationScope(input: output).select(path) == result)
    }
}
