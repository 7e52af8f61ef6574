// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

/// Numbers as AWS's Java runtime prints them in `States.JsonToString`.
@Suite struct JavaNumberTextTests {
    @Test(arguments: [
        ("1", "1"),
        ("-0", "0"),
        ("12345678901234567890", "12345678901234567890"),
        ("1.1", "1.1"),
        ("1.10", "1.1"),
        ("1.0", "1.0"),
        ("100e0", "100.0"),
        ("1e7", "1.0E7"),
        ("9999999.5", "9999999.5"),
        ("0.001", "0.001"),
        ("0.0001", "1.0E-4"),
        ("-2.5e-10", "-2.5E-10"),
        ("123456789.125", "1.23456789125E8"),
        ("1e300", "1.0E300"),
    ])
    func printsLikeJava(_ literal: String, _ expected: String) throws {
        let number = try #require(JSONNumber(literal: literal))
        let scope = EvaluationScope(input: .number(number))
        let text = try scope.evaluate(IntrinsicCall(parsing: "States.JsonToString($)"), field: "x")
        #expect(text == .string(expected))
    }
}
