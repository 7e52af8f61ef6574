// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// A `$formatNumber` picture such as `#,##0.00` or `0.0%`.
///
/// TODO: Only the common subset of XPath pictures is read (grouping,
/// mandatory and optional digits, a decimal point, `%`, `‰`, a prefix and a
/// suffix); exponents, sub-pictures for negatives and the options object
/// are not, so such pictures fail with D3080.
struct JSONataNumberPicture {
    private var prefix = ""
    private var suffix = ""
    private var minimumIntegerDigits = 0
    private var groupingSize: Int?
    private var minimumFractionDigits = 0
    private var maximumFractionDigits = 0
    private var multiplier = 1.0

    init(_ picture: String) throws(CairnJSONataError) {
        guard !picture.contains(";"), !picture.contains("e") else {
            throw .evaluation("D3080", "This $formatNumber picture is not supported: \(picture)")
        }
        let active = Set("0123456789#,.")
        let characters = Array(picture)
        guard let first = characters.firstIndex(where: active.contains),
            let last = characters.lastIndex(where: active.contains)
        else {
            throw .evaluation("D3086", "The picture string must contain at least one digit")
        }
        prefix = String(characters[..<first])
        suffix = String(characters[(last + 1)...])
        if (prefix + suffix).contains("%") { multiplier = 100 }
        if (prefix + suffix).contains("‰") { multiplier = 1000 }
        let body = String(characters[first...last])
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = String(parts[0])
        minimumIntegerDigits = integer.count { $0.isNumber }
        if let comma = integer.lastIndex(of: ",") {
            groupingSize = integer.distance(from: comma, to: integer.endIndex) - 1
        }
        if parts.count > 1 {
            minimumFractionDigits = parts[1].count { $0.isNumber }
            maximumFractionDigits = parts[1].count { $0.isNumber || $0 == "#" }
        }
    }

    func format(_ value: Double) throws(CairnJSONataError) -> String {
        let scaled = abs(value * multiplier)
        let rounded = JSONataBuiltins.round(scaled, precision: maximumFractionDigits)
        var text = String(format: "%.\(maximumFractionDigits)f", rounded)
        var fraction = ""
        if let point = text.firstIndex(of: ".") {
            fraction = String(text[text.index(after: point)...])
            text = String(text[..<point])
        }
        while fraction.count > minimumFractionDigits, fraction.hasSuffix("0") {
            fraction.removeLast()
        }
        if text == "0", minimumIntegerDigits == 0, !fraction.isEmpty { text = "" }
        while text.count < minimumIntegerDigits { text = "0" + text }
        if let groupingSize, groupingSize > 0 {
            var grouped = ""
            for (index, digit) in text.reversed().enumerated() {
                if index > 0, index % groupingSize == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            text = String(grouped.reversed())
        }
        let sign = value < 0 && (rounded != 0) ? "-" : ""
        return sign + prefix + text + (fraction.isEmpty ? "" : "." + fraction) + suffix
    }
}
