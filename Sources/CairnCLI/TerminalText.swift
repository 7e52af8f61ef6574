// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Measuring and wrapping text for a fixed-width terminal.
enum TerminalText {
    /// The number of terminal columns the text takes.
    ///
    /// East Asian wide characters and most emoji take two columns; every
    /// other character takes one. Escape sequences are not expected here:
    /// styles are applied after measuring.
    static func displayWidth(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 0 }
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(scalar) } ? 2 : 1
    }

    /// Cuts the text to at most `width` columns, ending it with `…` when cut.
    static func truncate(_ text: String, toWidth width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let next = columns(of: character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// Breaks the words into lines of at most `width` columns.
    ///
    /// Every line but the first starts with `indent` spaces; the first
    /// starts with `firstIndent` (by default the same). A word wider than a
    /// line gets a line of its own rather than being split.
    static func wrap(
        words: [String],
        width: Int,
        indent: Int = 0,
        firstIndent: Int? = nil
    ) -> String {
        var lines: [String] = []
        var line = String(repeating: " ", count: firstIndent ?? indent)
        var lineHasWord = false
        for word in words where !word.isEmpty {
            let needed = displayWidth(line) + (lineHasWord ? 1 : 0) + displayWidth(word)
            if lineHasWord && needed > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// Wraps each line of the text on its own, keeping blank lines and
    /// keeping lines that start with a space (examples) exactly as written.
    static func wrap(
        _ text: String,
        width: Int,
        indent: Int = 0,
        firstIndent: Int? = nil
    ) -> String {
        var isFirst = true
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            defer { isFirst = false }
            let lead = isFirst ? (firstIndent ?? indent) : indent
            if line.hasPrefix(" ") || line.isEmpty {
                return line.isEmpty ? "" : String(repeating: " ", count: lead) + line
            }
            let words = line.split(separator: " ").map(String.init)
            return wrap(words: words, width: width, indent: indent, firstIndent: lead)
        }.joined(separator: "\n")
    }
}
