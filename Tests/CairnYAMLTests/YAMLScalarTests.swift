// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnYAML
import Testing

/// The YAML 1.2 core schema, one scalar at a time.
@Suite struct YAMLScalarTests {
    /// Reads `value: <scalar>` and returns what `value` became.
    private func read(_ scalar: String) throws -> JSONValue? {
        try YAMLReader.read("value: \(scalar)\n", file: "t.yaml").value["value"]
    }

    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func plainNullSpellingsAreNull(_ text: String) throws {
        #expect(try read(text) == .null)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true),
        ("false", false), ("False", false), ("FALSE", false),
    ])
    func onlyTrueAndFalseAreBooleans(_ text: String, _ expected: Bool) throws {
        #expect(try read(text) == .bool(expected))
    }

    @Test(arguments: [
        "on", "On", "ON", "off", "yes", "Yes", "no", "No", "y", "n", "tRUE", "nULL",
        "1_000", "0b101", "0x", "0o", "0o18", "0xG", "+0x1F", ".", "+", "1e", "1.2.3",
        "12:30", "2024-01-01", ".infinity", "nan",
    ])
    func otherPlainScalarsStayStrings(_ text: String) throws {
        #expect(try read(text) == .string(text))
    }

    @Test(arguments: [
        ("0", "0"), ("42", "42"), ("-17", "-17"), ("+1", "1"), ("007", "7"), ("-007", "-7"),
        ("-0", "-0"), ("000", "0"), ("0o17", "15"), ("0o0", "0"), ("0x1F", "31"),
        ("0xff", "255"), ("0xFFFFFFFFFFFFFFFFFFFF", "1208925819614629174706175"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("1.5", "1.5"), (".5", "0.5"), ("-.5", "-0.5"), ("+.5", "0.5"), ("1.", "1.0"),
        ("1e3", "1e3"), ("-2.5E-3", "-2.5E-3"), ("+1.0e+10", "1.0e+10"), ("007.50", "7.50"),
        ("3.14159265358979323846264338327950288", "3.14159265358979323846264338327950288"),
    ])
    func numbersKeepTheirDigitsAsJSONLiterals(_ text: String, _ literal: String) throws {
        let value = try read(text)
        #expect(value?.numberValue?.literal == literal)
    }

    @Test(arguments: [
        "\"true\"", "'1'", "\"null\"", "''", "\"0x1F\"", "'on'",
    ])
    func quotedScalarsAreStrings(_ text: String) throws {
        #expect(try read(text) == .string(String(text.dropFirst().dropLast())))
    }

    @Test func blockScalarsAreStrings() throws {
        let text = """
            literal: |
              42
            folded: >-
              true
            """
        let value = try YAMLReader.read(text, file: "t.yaml").value
        #expect(value == ["literal": "42\n", "folded": "true"])
    }

    @Test(arguments: [".inf", "-.inf", "+.INF", ".Inf", ".nan", ".NaN", ".NAN"])
    func infinityAndNaNAreErrorsBecauseJSONCannotHoldThem(_ text: String) throws {
        let error = try #require(throws: CairnYAMLError.self) { try read(text) }
        #expect(error.code == .invalidScalar)
        #expect(error.location == CairnCore.SourceLocation(file: "t.yaml", line: 1, column: 8))
        let what = text.lowercased().hasSuffix("nan") ? "not-a-number" : "infinity"
        #expect(
            error.message
                == "'\(text)' is \(what), which JSON cannot represent; quote it for a string"
        )
    }

    @Test func hexadecimalIntegersWithThousandsOfDigitsAreErrors() throws {
        let text = "0x" + String(repeating: "F", count: 1_001)
        let error = try #require(throws: CairnYAMLError.self) { try read(text) }
        #expect(error.message == "'\(text)' has too many digits to convert to decimal")
    }

    @Test func infinityIsAStringWhenQuotedOrTaggedAsString() throws {
        #expect(try read("'.inf'") == .string(".inf"))
        #expect(try read("!!str .nan") == .string(".nan"))
    }

    // MARK: - Tags

    @Test(arguments: [
        ("!!str 1", JSONValue.string("1")),
        ("!!str true", .string("true")),
        ("!!str", .string("")),
        ("! 12", .string("12")),
        ("!!int \"12\"", 12),
        ("!!int 0x10", 16),
        ("!!float 1", 1),
        ("!!float '2.5'", 2.5),
        ("!!bool \"false\"", false),
        ("!!null ''", nil),
        ("!!null ~", nil),
        ("!!seq [1]", [1] as JSONValue),
        ("!!map {a: 1}", ["a": 1] as JSONValue),
    ])
    func standardTagsAreHonoured(_ text: String, _ expected: JSONValue) throws {
        #expect(try read(text) == expected)
    }

    @Test(arguments: [
        ("!!int abc", "'abc' is not an integer (tag !!int)"),
        ("!!int 1.5", "'1.5' is not an integer (tag !!int)"),
        ("!!float x", "'x' is not a number (tag !!float)"),
        ("!!bool yes", "'yes' is not a boolean (tag !!bool)"),
        ("!!null 0", "'0' is not a null (tag !!null)"),
    ])
    func valuesThatDoNotFitTheirTagAreErrors(_ text: String, _ message: String) throws {
        let error = try #require(throws: CairnYAMLError.self) { try read(text) }
        #expect(error.code == .invalidScalar)
        #expect(error.message == message)
        #expect(error.description == "t.yaml:1:8: \(message)")
    }

    @Test(arguments: [
        ("!Ref Bucket", "!Ref"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!timestamp 2024-01-01", "!!timestamp"),
        ("!<tag:example.com,2024:thing> x", "tag:example.com,2024:thing"),
        ("!!set {a: null}", "!!set"),
        ("!custom [1, 2]", "!custom"),
    ])
    func unknownTagsAreErrorsNamingTheTag(_ text: String, _ tag: String) throws {
        let error = try #require(throws: CairnYAMLError.self) { try read(text) }
        #expect(error.code == .unknownTag)
        #expect(
            error.message == "unknown tag '\(tag)'; Cairn understands only "
                + "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq"
        )
        #expect(error.location == CairnCore.SourceLocation(file: "t.yaml", line: 1, column: 8))
    }

    @Test(arguments: [
        ("!!map 1", "tag !!map cannot be used on a scalar"),
        ("!!seq {a: 1}", "tag !!seq cannot be used on a mapping"),
        ("!!str [1]", "tag !!str cannot be used on a sequence"),
        ("!!merge x", "tag !!merge cannot be used on a scalar"),
    ])
    func standardTagsOnTheWrongKindOfNodeAreErrors(_ text: String, _ message: String) throws {
        let error = try #require(throws: CairnYAMLError.self) { try read(text) }
        #expect(error.code == .misplacedTag)
        #expect(error.message == message)
    }
}
