// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Converts octal and hexadecimal integers of any length to decimal text, so
/// that `0x1F` becomes the JSON literal `31` without passing through a
/// fixed-width integer that would overflow.
enum DecimalDigits {
    /// The conversion is quadratic in the number of digits; far beyond any
    /// number a person writes, a limit keeps a hostile file from stalling us.
    static let maximumDigits = 1_000

    /// A chunk holds nine decimal digits, so chunk times radix stays in 64 bits.
    private static let chunkBase: UInt64 = 1_000_000_000

    /// What became of a conversion.
    enum Conversion: Equatable {
        case decimal(String)
        /// Some character is not a digit of the radix, or there is none.
        case notInRadix
        /// There are more than `maximumDigits` digits.
        case tooLong
    }

    /// The decimal spelling of `digits` in `radix`.
    static func convert(_ digits: ArraySlice<UInt8>, radix: Int) -> Conversion {
        guard !digits.isEmpty else { return .notInRadix }
        var values: [UInt64] = []
        for byte in digits {
            guard let value = digitValue(byte), value < radix else { return .notInRadix }
            values.append(UInt64(value))
        }
        guard values.count <= maximumDigits else { return .tooLong }

        // Little-endian chunks of nine decimal digits each.
        var chunks: [UInt64] = [0]
        for value in values {
            var carry = value
            for index in chunks.indices {
                let product = chunks[index] * UInt64(radix) + carry
                chunks[index] = product % chunkBase
                carry = product / chunkBase
            }
            if carry > 0 { chunks.append(carry) }
        }

        var text = String(chunks.last ?? 0)
        for chunk in chunks.dropLast().reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return .decimal(text)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
