// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// Turns a YAML scalar into a JSON value by the YAML 1.2 core schema.
///
/// Plain scalars resolve by their spelling; quoted and block scalars are
/// strings unless a tag says otherwise. Numbers keep the digits as written,
/// reshaped only as far as JSON's grammar requires (`+1` becomes `1`, `.5`
/// becomes `0.5`, `0x1F` becomes `31`).
enum ScalarResolver {
    /// The value of `scalar` under `tag`, or by its spelling when `tag` is `nil`.
    ///
    /// - Returns: the value, or a message saying why the text cannot be one.
    static func resolve(_ scalar: YAMLScalar, tag: YAMLTag?) -> Result<JSONValue, Problem> {
        let text = scalar.text
        switch tag {
        case nil:
            guard scalar.isPlain else { return .success(.string(text)) }
            if isNull(text) { return .success(.null) }
            if let bool = boolean(text) { return .success(.bool(bool)) }
            if let number = number(text) { return number }
            return .success(.string(text))
        case .string?, .nonSpecific?:
            return .success(.string(text))
        case .null?:
            if isNull(text) { return .success(.null) }
            return .failure(Problem("'\(text)' is not a null (tag !!null)"))
        case .boolean?:
            if let bool = boolean(text) { return .success(.bool(bool)) }
            return .failure(Problem("'\(text)' is not a boolean (tag !!bool)"))
        case .integer?:
            if let integer = integer(text) { return integer }
            return .failure(Problem("'\(text)' is not an integer (tag !!int)"))
        case .float?:
            if let number = number(text) { return number }
            return .failure(Problem("'\(text)' is not a number (tag !!float)"))
        case .mapping?, .sequence?, .merge?:
            return .failure(Problem("tag \(tag?.name ?? "") cannot be used on a scalar"))
        }
    }

    /// Why a scalar has no value: a sentence for the diagnostic.
    struct Problem: Error {
        var message: String

        init(_ message: String) { self.message = message }
    }

    // MARK: - Core schema

    static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// An integer or a float, or `nil` when the text spells neither.
    private static func number(_ text: String) -> Result<JSONValue, Problem>? {
        if let integer = integer(text) { return integer }
        if isInfinity(text) || isNaN(text) {
            let what = isNaN(text) ? "not-a-number" : "infinity"
            return .failure(
                Problem("'\(text)' is \(what), which JSON cannot represent; quote it for a string")
            )
        }
        guard let literal = decimalFloatLiteral(text) else { return nil }
        return makeNumber(literal)
    }

    private static func integer(_ text: String) -> Result<JSONValue, Problem>? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = bytes[2...]
            switch bytes[1] {
            case UInt8(ascii: "o"):
                return convert(digits, radix: 8, text: text)
            case UInt8(ascii: "x"):
                return convert(digits, radix: 16, text: text)
            default:
                break
            }
        }
        var unsigned = bytes[...]
        let isNegative = unsigned.first == UInt8(ascii: "-")
        if isNegative || unsigned.first == UInt8(ascii: "+") { unsigned = unsigned.dropFirst() }
        guard !unsigned.isEmpty, unsigned.allSatisfy(isDigit) else { return nil }
        let digits = String(decoding: stripLeadingZeros(unsigned), as: UTF8.self)
        return makeNumber((isNegative ? "-" : "") + digits)
    }

    private static func convert(
        _ digits: ArraySlice<UInt8>,
        radix: Int,
        text: String
    ) -> Result<JSONValue, Problem>? {
        switch DecimalDigits.convert(digits, radix: radix) {
        case .decimal(let literal):
            return makeNumber(literal)
        case .notInRadix:
            return nil
        case .tooLong:
            return .failure(Problem("'\(text)' has too many digits to convert to decimal"))
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` as a JSON literal.
    private static func decimalFloatLiteral(_ text: String) -> String? {
        var rest = Array(text.utf8)[...]
        let isNegative = rest.first == UInt8(ascii: "-")
        if isNegative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let integerPart = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integerPart.count)
        var fraction: ArraySlice<UInt8>?
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction?.count ?? 0)
        }
        guard !integerPart.isEmpty || !(fraction ?? []).isEmpty else { return nil }
        let exponent = rest
        if !exponent.isEmpty, !isExponent(exponent) { return nil }

        var literal = isNegative ? "-" : ""
        literal +=
            integerPart.isEmpty
            ? "0" : String(decoding: stripLeadingZeros(integerPart), as: UTF8.self)
        if let fraction {
            // `1.` has no digit after the point, which JSON requires.
            literal += "." + (fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self))
        }
        return literal + String(decoding: exponent, as: UTF8.self)
    }

    private static func isExponent(_ bytes: ArraySlice<UInt8>) -> Bool {
        var rest = bytes
        guard rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") else {
            return false
        }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    private static func isInfinity(_ text: String) -> Bool {
        var unsigned = Substring(text)
        if unsigned.first == "-" || unsigned.first == "+" { unsigned = unsigned.dropFirst() }
        return [".inf", ".Inf", ".INF"].contains(unsigned)
    }

    private static func isNaN(_ text: String) -> Bool {
        [".nan", ".NaN", ".NAN"].contains(text)
    }

    private static func makeNumber(_ literal: String) -> Result<JSONValue, Problem> {
        guard let number = JSONNumber(literal: literal) else {
            return .failure(Problem("'\(literal)' is not a number JSON can hold"))
        }
        return .success(.number(number))
    }

    private static func stripLeadingZeros(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let stripped = digits.drop { $0 == UInt8(ascii: "0") }
        return stripped.isEmpty ? digits.suffix(1) : stripped
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
