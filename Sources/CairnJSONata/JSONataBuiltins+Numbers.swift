// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

extension JSONataBuiltins {
    /// Numeric and aggregation functions.
    static let numbers: [JSONataNativeFunction] = [
        JSONataNativeFunction("number", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            switch call[0] {
            case nil: return nil
            case .number(let number)?: return .number(number)
            case .bool(let flag)?: return .number(JSONNumber(flag ? 1 : 0))
            case .string(let text)?:
                if let value = parseNumber(text) { return try .makeNumber(value) }
                throw .evaluation("D3030", "Unable to cast value to a number: \"\(text)\"")
            default:
                let shown = call[0].map { JSONataFormatter.string(of: $0) } ?? ""
                throw .evaluation("D3030", "Unable to cast value to a number: \(shown)")
            }
        },
        unary("abs") { abs($0) },
        unary("floor") { $0.rounded(.down) },
        unary("ceil") { $0.rounded(.up) },
        JSONataNativeFunction("round", 1...2, usesContext: true) { call throws(CairnJSONataError) in
            guard let value = try call.number(0) else { return nil }
            return try .makeNumber(round(value, precision: Int(try call.number(1) ?? 0)))
        },
        JSONataNativeFunction("sqrt", 1...1, usesContext: true) { call throws(CairnJSONataError) in
            guard let value = try call.number(0) else { return nil }
            guard value >= 0 else {
                throw .evaluation(
                    "D3060",
                    "The sqrt function cannot be applied to a negative "
                        + "number: \(JSONataFormatter.numberText(value))"
                )
            }
            return try .makeNumber(value.squareRoot())
        },
        JSONataNativeFunction("power", 2...2, usesContext: true) { call throws(CairnJSONataError) in
            guard let base = try call.number(0) else { return nil }
            guard let exponent = try call.number(1) else { throw call.mismatch(1) }
            let result = pow(base, exponent)
            guard result.isFinite else {
                throw .evaluation(
                    "D3061",
                    "The power function has resulted in a value that "
                        + "cannot be represented as a JSON number"
                )
            }
            return try .makeNumber(result)
        },
        JSONataNativeFunction("sum", 1...1) { call throws(CairnJSONataError) in
            guard let values = try call.numbers(0) else { return nil }
            return try .makeNumber(values.reduce(0, +))
        },
        JSONataNativeFunction("max", 1...1) { call throws(CairnJSONataError) in
            guard let value = try call.numbers(0)?.max() else { return nil }
            return try .makeNumber(value)
        },
        JSONataNativeFunction("min", 1...1) { call throws(CairnJSONataError) in
            guard let value = try call.numbers(0)?.min() else { return nil }
            return try .makeNumber(value)
        },
        JSONataNativeFunction("average", 1...1) { call throws(CairnJSONataError) in
            guard let values = try call.numbers(0), !values.isEmpty else { return nil }
            return try .makeNumber(values.reduce(0, +) / Double(values.count))
        },
        JSONataNativeFunction("count", 1...1) { call in
            .number(JSONNumber(call.array(0)?.count ?? 0))
        },
        JSONataNativeFunction("formatBase", 1...2) { call throws(CairnJSONataError) in
            guard let value = try call.number(0) else { return nil }
            let radix = Int(try call.number(1) ?? 10)
            guard (2...36).contains(radix) else {
                throw .evaluation(
                    "D3100",
                    "The radix of the formatBase function must be between "
                        + "2 and 36.  It was given \(radix)"
                )
            }
            return .string(String(Int64(round(value, precision: 0)), radix: radix))
        },
        JSONataNativeFunction("formatNumber", 2...3) { call throws(CairnJSONataError) in
            guard let value = try call.number(0) else { return nil }
            guard let picture = try call.string(1) else { throw call.mismatch(1) }
            return .string(try JSONataNumberPicture(picture).format(value))
        },
    ]

    private static func unary(
        _ name: String,
        _ operation: @escaping @Sendable (Double) -> Double
    ) -> JSONataNativeFunction {
        JSONataNativeFunction(name, 1...1, usesContext: true) { call throws(CairnJSONataError) in
            guard let value = try call.number(0) else { return nil }
            return try .makeNumber(operation(value))
        }
    }

    /// A number in JSON notation, or hexadecimal, octal or binary with a
    /// `0x`, `0o` or `0b` prefix, as JSONata 2 accepts in `$number`.
    static func parseNumber(_ text: String) -> Double? {
        let lower = text.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            return Int64(lower.dropFirst(2), radix: radix).map(Double.init)
        }
        guard let number = JSONNumber(literal: text) else { return nil }
        return number.doubleValue
    }

    /// JSONata's `$round`: half to even at `precision` decimal places,
    /// shifted on the decimal text so that a value written as 2.675 rounds as
    /// 2.675 and not as its binary neighbour.
    static func round(_ value: Double, precision: Int) -> Double {
        let shifted = precision == 0 ? value : shift(value, by: precision)
        let result = shifted.rounded(.toNearestOrEven)
        let unshifted = precision == 0 ? result : shift(result, by: -precision)
        return unshifted == 0 ? 0 : unshifted
    }

    /// `value × 10^places`, computed on the decimal text to avoid binary error.
    private static func shift(_ value: Double, by places: Int) -> Double {
        let parts = "\(value)".split(separator: "e", maxSplits: 1)
        let exponent = (parts.count > 1 ? Int(parts[1]) ?? 0 : 0) + places
        return Double("\(parts[0])e\(exponent)") ?? value * pow(10, Double(places))
    }
}
