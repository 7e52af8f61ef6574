// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The pattern of a `StringMatches` rule: `*` matches any run of characters,
/// including none; `\*` is a literal asterisk and `\\` a literal backslash.
///
/// Nothing else is special: `?`, `[` and `.` match themselves, and matching
/// is case-sensitive. A backslash followed by anything else, or at the end,
/// is an "open escape", which the States Language spec makes a runtime error.
///
/// Characters are compared as UTF-16 code units, the way the string
/// comparators compare, so no Unicode normalisation takes place.
struct ChoiceStringPattern {
    private enum Element: Equatable {
        case literal(UInt16)
        case wildcard
    }

    private static let asterisk = UInt16(UInt8(ascii: "*"))
    private static let backslash = UInt16(UInt8(ascii: "\\"))

    private let elements: [Element]

    /// Reads a pattern, or returns `nil` when it contains an open escape.
    init?(_ pattern: String) {
        var elements: [Element] = []
        var units = pattern.utf16.makeIterator()
        while let unit = units.next() {
            switch unit {
            case Self.asterisk:
                // Consecutive wildcards match what one matches.
                if elements.last != .wildcard { elements.append(.wildcard) }
            case Self.backslash:
                guard let escaped = units.next(),
                    escaped == Self.asterisk || escaped == Self.backslash
                else { return nil }
                elements.append(.literal(escaped))
            default:
                elements.append(.literal(unit))
            }
        }
        self.elements = elements
    }

    /// Whether the whole of `text` matches the pattern.
    ///
    /// Greedy matching with a single backtrack point (the last wildcard seen),
    /// which is enough for patterns whose only operator is `*` and keeps the
    /// work at O(pattern × text) in the worst case.
    func matches(_ text: String) -> Bool {
        let units = Array(text.utf16)
        var patternIndex = 0
        var textIndex = 0
        var backtrack: (pattern: Int, text: Int)?

        while textIndex < units.count {
            if patternIndex < elements.count, elements[patternIndex] == .wildcard {
                backtrack = (patternIndex, textIndex)
                patternIndex += 1
            } else if patternIndex < elements.count,
                elements[patternIndex] == .literal(units[textIndex])
            {
                patternIndex += 1
                textIndex += 1
            } else if let point = backtrack {
                // Let the last wildcard swallow one more character and retry.
                backtrack = (point.pattern, point.text + 1)
                patternIndex = point.pattern + 1
                textIndex = point.text + 1
            } else {
                return false
            }
        }
        return elements[patternIndex...].allSatisfy { $0 == .wildcard }
    }
}
