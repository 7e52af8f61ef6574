// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// The exact value of a JSON number literal, for the numeric Choice operators.
///
/// Comparing through `Double` would call `9007199254740993` equal to
/// `9007199254740992`; comparing the decimal digits themselves is exact for
/// integers, decimals and exponents of any size, and agrees with double
/// comparison wherever doubles are exact.
struct ChoiceDecimal: Comparable {
    /// Whether the value is below zero; zero is never negative, so `-0 == 0`.
    private let isNegative: Bool
    /// The significant digits without leading or trailing zeros; empty for zero.
    private let digits: [UInt8]
    /// The value is `0.d1d2d3… × 10^exponent`.
    private let exponent: Int

    /// Reads a literal that `JSONNumber` has already validated.
    init(_ number: JSONNumber) {
        var bytes = Array(number.literal.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }

        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = bytes[..<(mantissaEnd ?? bytes.endIndex)]
        let integerPart = mantissa.prefix { $0 != UInt8(ascii: ".") }
        let fractionPart = mantissa.dropFirst(integerPart.count + 1)
        var allDigits = Array(integerPart) + Array(fractionPart)
        var pointPosition = integerPart.count + Self.exponent(of: bytes, from: mantissaEnd)

        // Normalise: strip leading zeros (moving the point) and trailing zeros.
        let leadingZeros = allDigits.prefix { $0 == UInt8(ascii: "0") }.count
        allDigits.removeFirst(leadingZeros)
        pointPosition = pointPosition.subtractingClamped(leadingZeros)
        while allDigits.last == UInt8(ascii: "0") { allDigits.removeLast() }

        isNegative = negative && !allDigits.isEmpty
        digits = allDigits
        exponent = allDigits.isEmpty ? 0 : pointPosition
    }

    static func < (lhs: ChoiceDecimal, rhs: ChoiceDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder > 0 : magnitudeOrder < 0
    }

    /// -1, 0 or 1 as `|lhs|` is below, equal to or above `|rhs|`.
    private static func compareMagnitudes(_ lhs: ChoiceDecimal, _ rhs: ChoiceDecimal) -> Int {
        if lhs.digits.isEmpty || rhs.digits.isEmpty {
            return (lhs.digits.isEmpty ? 0 : 1) - (rhs.digits.isEmpty ? 0 : 1)
        }
        if lhs.exponent != rhs.exponent { return lhs.exponent < rhs.exponent ? -1 : 1 }
        for (left, right) in zip(lhs.digits, rhs.digits) where left != right {
            return left < right ? -1 : 1
        }
        // Equal up to the shorter one: the one with more digits is larger.
        if lhs.digits.count == rhs.digits.count { return 0 }
        return lhs.digits.count < rhs.digits.count ? -1 : 1
    }

    /// The exponent after `e`/`E`, clamped so that absurd exponents stay ordered.
    private static func exponent(of bytes: ArraySlice<UInt8>, from marker: Int?) -> Int {
        guard let marker else { return 0 }
        var rest = bytes[(marker + 1)...]
        var sign = 1
        if rest.first == UInt8(ascii: "-") { sign = -1 }
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        }
        let limit = Int.max / 4
        var value = 0
        for byte in rest {
            let digit = Int(byte - UInt8(ascii: "0"))
            value = value >= limit / 10 ? limit : value * 10 + digit
        }
        return sign * value
    }
}

extension Int {
    /// `self - other`, saturating instead of trapping on overflow.
    fileprivate func subtractingClamped(_ other: Int) -> Int {
        let (result, overflow) = subtractingReportingOverflow(other)
        return overflow ? Int.min : result
    }
}
