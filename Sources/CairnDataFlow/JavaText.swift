// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// Text as AWS's Java runtime prints values: Jackson for JSON, `toString()`
/// for `States.Format`.
///
/// AWS parses JSON with Jackson, so a number with a fraction or exponent
/// becomes a Java `double` and prints as `Double.toString` does (`1.0E7`,
/// `1.0E-5`, `100.0`), while an integer keeps its digits.
enum JavaText {
    /// The number as Jackson writes it.
    static func number(_ number: JSONNumber) -> String {
        if number.isIntegerLiteral {
            if let value = Int64(number.literal) { return String(value) }
            return number.literal
        }
        return double(number.doubleValue)
    }

    /// `Double.toString(value)`: shortest round-trip digits, plain notation
    /// for magnitudes in [10⁻³, 10⁷), computerized scientific otherwise.
    static func double(_ value: Double) -> String {
        guard value.isFinite else {
            return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
        }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0.0" }
        var (digits, pointPosition) = decimalDigits(of: abs(value))
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let magnitude = abs(value)
        guard magnitude >= 1e-3, magnitude < 1e7 else {
            let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
            return sign + "\(digits.first ?? "0").\(fraction)E\(pointPosition - 1)"
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            let zeros = String(repeating: "0", count: pointPosition - digits.count)
            return sign + digits + zeros + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest significant digits of a positive double and where the
    /// decimal point sits: the value is `0.<digits> × 10^pointPosition`
    /// shifted so that `pointPosition` digits stand before the point.
    private static func decimalDigits(of value: Double) -> (digits: String, pointPosition: Int) {
        let text = "\(value)"
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var pointPosition = whole.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        return (digits, pointPosition)
    }

    /// The value with every number respelt as Jackson would write it.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number):
            return .number(JSONNumber(literal: JavaText.number(number)) ?? number)
        case .array(let elements):
            return .array(elements.map(normalized))
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, normalized($0.value)) }))
        default:
            return value
        }
    }

    /// Compact JSON as Jackson writes it.
    static func json(_ value: JSONValue) -> String {
        normalized(value).compactText
    }

    /// What Java's `toString()` prints for the value after Jackson turned it
    /// into maps, lists and boxed scalars: `{a=1, b=[x, y]}`.
    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): JavaText.number(number)
        case .string(let text): text
        case .array(let elements): "[" + elements.map(display).joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.map { "\($0.key)=\(display($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
