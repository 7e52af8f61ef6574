// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Foundation
import Testing

/// `States.Hash` against the digests AWS recorded for "input data".
@Suite struct DigestTests {
    @Test(arguments: [
        ("MD5", "812f45842bc6d66ee14572ce20db8e86"),
        ("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7"),
        ("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"),
        ("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b"
            + "87525bdc835ebb27e1fb9e9374a15562"),
        ("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce"
            + "2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"),
    ])
    func hashesLikeAWS(_ algorithm: String, _ expected: String) throws {
        let scope = EvaluationScope(input: ["data": "input data", "algorithm": .string(algorithm)])
        let call = try IntrinsicCall(parsing: "States.Hash($.data, $.algorithm)")
        #expect(try scope.evaluate(call, field: "x") == .string(expected))
    }
}
