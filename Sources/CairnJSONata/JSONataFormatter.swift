// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// Turns values into text the way JSONata does, which follows JavaScript:
/// `$string(1e21)` is `1e+21`, `$string(0.1 + 0.2)` is `0.3`.
enum JSONataFormatter {
    /// `$string(value)`: strings stay as they are, functions become `""`,
    /// everything else is JSON with numbers cut to 15 significant digits.
    static func string(of value: JSONataValue, pretty: Bool = false) -> String {
        switch value {
        case .string(let text): return text
        case .function: return ""
        default: return json(value, pretty: pretty, indent: "")
        }
    }

    /// Each side of `&`: undefined is the empty string.
    static func concatenationText(_ value: JSONataValue?) -> String {
        value.map { string(of: $0) } ?? ""
    }

    private static func json(_ value: JSONataValue, pretty: Bool, indent: String) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return numberText(significant(number.doubleValue))
        case .string(let text): return JSONValue.string(text).compactText
        case .function: return "\"\""
        case .array(let array):
            let elements = array.elements.filter { !$0.isFunction }
            guard !elements.isEmpty else { return "[]" }
            let inner = indent + "  "
            let items = elements.map { json($0, pretty: pretty, indent: inner) }
            return pretty
                ? "[\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
                : "[" + items.joined(separator: ",") + "]"
        case .object(let object):
            let pairs = object.pairs.filter { !$0.value.isFunction }
            guard !pairs.isEmpty else { return "{}" }
            let inner = indent + "  "
            let items = pairs.map { pair in
                JSONValue.string(pair.key).compactText + (pretty ? ": " : ":")
                    + json(pair.value, pretty: pretty, indent: inner)
            }
            return pretty
                ? "{\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
                : "{" + items.joined(separator: ",") + "}"
        }
    }

    /// The value rounded to 15 significant digits, as JSONata's `$string` does.
    private static func significant(_ value: Double) -> Double {
        Double(String(format: "%.15g", value)) ?? value
    }

    /// A number as JavaScript's `Number.prototype.toString` writes it.
    static func numberText(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e21 {
            return abs(value) < 9e15 ? String(Int64(value)) : String(format: "%.0f", value)
        }
        let (digits, exponent) = decimalDigits(of: abs(value))
        let sign = value < 0 ? "-" : ""
        let count = digits.count
        if count <= exponent, exponent <= 21 {
            return sign + digits + String(repeating: "0", count: exponent - count)
        }
        if 0 < exponent, exponent <= 21 {
            return sign + digits.prefix(exponent) + "." + digits.dropFirst(exponent)
        }
        if -6 < exponent, exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        let mantissa = count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        let power = exponent - 1
        return sign + mantissa + "e" + (power < 0 ? "-" : "+") + String(abs(power))
    }

    /// The shortest digits that round-trip and the exponent `n` such that
    /// the value is 0.d1d2... × 10^n.
    private static func decimalDigits(of value: Double) -> (String, Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        var mantissa = String(parts[0])
        let power = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var pointIndex =
            mantissa.firstIndex(of: ".").map {
                mantissa.distance(from: mantissa.startIndex, to: $0)
            } ?? mantissa.count
        mantissa.removeAll { $0 == "." }
        let leadingZeros = mantissa.prefix { $0 == "0" }.count
        mantissa.removeFirst(leadingZeros)
        pointIndex -= leadingZeros
        while mantissa.hasSuffix("0"), mantissa.count > 1 { mantissa.removeLast() }
        return (mantissa, pointIndex + power)
    }

    /// Whether `a` sorts before `b` by UTF-16 code units, as JavaScript compares.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
