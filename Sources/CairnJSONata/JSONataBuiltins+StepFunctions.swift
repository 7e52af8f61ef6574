// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataBuiltins {
    /// The functions Step Functions adds to JSONata. Their numeric arguments
    /// are truncated towards zero, and arguments AWS cannot use (a chunk
    /// size of zero, a step against the direction) give undefined.
    static let stepFunctions: [JSONataNativeFunction] = [
        JSONataNativeFunction("partition", 2...2) { call throws(CairnJSONataError) in
            guard let elements = call.array(0), !elements.isEmpty,
                let size = try call.number(1).map({ Int($0.rounded(.towardZero)) }), size > 0
            else { return nil }
            let chunks = stride(from: 0, to: elements.count, by: size).map { start in
                JSONataValue.array(
                    JSONataArray(
                        Array(
                            elements[
                                start..<min(
                                    start + size,
                                    elements.count
                                )
                            ]
                        )
                    )
                )
            }
            return .array(JSONataArray(chunks))
        },
        JSONataNativeFunction("range", 2...3) { call throws(CairnJSONataError) in
            guard let start = try call.number(0).map({ $0.rounded(.towardZero) }),
                let end = try call.number(1).map({ $0.rounded(.towardZero) }),
                let step = try call.number(2).map({ $0.rounded(.towardZero) }),
                step != 0, (end - start) * step >= 0
            else { return nil }
            let count = ((end - start) / step).rounded(.down) + 1
            guard count <= 1e7 else {
                throw .evaluation(
                    "D2014",
                    "The size of the sequence allocated by $range must "
                        + "not exceed 1e7"
                )
            }
            return .sequence(
                (0..<Int(count)).map { index in
                    .number(JSONNumber(start + Double(index) * step))
                }
            )
        },
        JSONataNativeFunction("hash", 1...2) { call throws(CairnJSONataError) in
            guard let text = try call.string(0), let algorithm = try call.string(1) else {
                return nil
            }
            guard let digest = call.evaluator.environment.hash(text, algorithm) else {
                throw .evaluation(
                    "D3137",
                    "The hash algorithm '\(algorithm)' is not supported; use MD5, SHA-1, "
                        + "SHA-256, SHA-384 or SHA-512"
                )
            }
            return .string(digest)
        },
        JSONataNativeFunction("random", 0...1) { call throws(CairnJSONataError) in
            guard let seed = try call.number(0) else {
                return try .makeNumber(call.evaluator.environment.random())
            }
            return try .makeNumber(seededRandom(Int64(seed.rounded(.towardZero))))
        },
        JSONataNativeFunction("uuid", 0...0) { call in
            .string(call.evaluator.environment.uuid())
        },
        JSONataNativeFunction("parse", 1...1) { call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            do {
                return JSONataValue(try JSONValue(parsing: text))
            } catch {
                throw .evaluation("D3140", "The string is not valid JSON: \(text)")
            }
        },
    ]

    /// The first draw of SplitMix64 seeded with `seed`, scaled to [0, 1), so
    /// that the same seed always gives the same number.
    static func seededRandom(_ seed: Int64) -> Double {
        var state = UInt64(bitPattern: seed) &+ 0x9E37_79B9_7F4A_7C15
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        return Double(state >> 11) / Double(UInt64(1) << 53)
    }
}
