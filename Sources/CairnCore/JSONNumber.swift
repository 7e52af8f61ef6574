// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A JSON number that remembers the literal it was written as.
///
/// Arithmetic and comparison go through `doubleValue` or `int64Value`, but the
/// literal is what gets serialised, so `12345678901234567890` and `0.10`
/// come back out exactly as they went in. Two numbers are equal when their
/// values are, whatever their spelling (`1`, `1.0` and `1e0` are equal).
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The JSON text of this number, always a valid JSON number literal.
    public let literal: String

    /// Makes a number from a JSON number literal, or returns `nil` when the text
    /// is not one (leading zeros, a bare `.`, `NaN` and infinities are rejected).
    public init?(literal: String) {
        guard JSONNumber.isValidLiteral(literal) else { return nil }
        self.literal = literal
    }

    public init(_ value: Int) {
        self.literal = String(value)
    }

    public init(_ value: Int64) {
        self.literal = String(value)
    }

    /// Makes a number from a finite double; integral values print without a
    /// fraction, as AWS prints them.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no spelling for \(value)")
        if value == value.rounded(), abs(value) < 1e15 {
            self.literal = String(Int64(value))
        } else {
            self.literal = "\(value)"
        }
    }

    public var description: String { literal }

    /// The value as a double, rounded to the nearest one when it has more digits.
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// The value as an exact 64-bit integer, or `nil` when it has a fraction or
    /// does not fit.
    public var int64Value: Int64? {
        if let exact = Int64(literal) { return exact }
        let value = doubleValue
        guard value == value.rounded(), abs(value) < 9.2e18 else { return nil }
        return Int64(exactly: value)
    }

    /// Whether the value is a whole number (`3`, `3.0`, `3e2`).
    public var isIntegral: Bool {
        let value = doubleValue
        return value.isFinite && value == value.rounded()
    }

    /// Whether the literal is written as an integer, without fraction or exponent.
    public var isIntegerLiteral: Bool {
        !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    static func isValidLiteral(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else {
            bytes = bytes.drop(while: isDigit)
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard let digit = bytes.first, isDigit(digit) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            guard let digit = bytes.first, isDigit(digit) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

// MARK: - Equality by value

extension JSONNumber: Hashable, Comparable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.literal == rhs.literal { return true }
        if let left = Int64(lhs.literal), let right = Int64(rhs.literal) { return left == right }
        return lhs.doubleValue == rhs.doubleValue
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = Int64(lhs.literal), let right = Int64(rhs.literal) { return left < right }
        return lhs.doubleValue < rhs.doubleValue
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values must hash alike whatever their spelling, so hash the double.
        hasher.combine(doubleValue)
    }
}
