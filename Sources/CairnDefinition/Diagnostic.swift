// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// Renders a definition error the way compilers print diagnostics: the
/// `file:line:column: error: message` line, then the source line, then a
/// caret under the column, so that editors can jump to it and people can see it.
///
/// ```text
/// train.yaml:5:5: error: duplicate key 'Type'; it is first set on line 3
///     Type: Pass
///     ^
/// ```
///
/// An error that gathers several `problems` renders each of them in turn. An
/// error without a location renders as `error: message`; without `source`, or
/// when the line is not in it, only the first line is printed.
///
/// - Parameters:
///   - error: The error to render.
///   - source: The text of the file the error's location points into, such
///     as `Document.text`.
/// - Returns: The rendered lines, joined by newlines, without a final newline.
public func renderDiagnostic(_ error: CairnDefinitionError, source: String?) -> String {
    if !error.problems.isEmpty {
        return error.problems
            .map { renderDiagnostic($0, source: source) }
            .joined(separator: "\n")
    }
    guard let location = error.location else { return "error: \(error.message)" }

    var lines = ["\(location): error: \(error.message)"]
    if let source, let line = DiagnosticSource.line(location.line, of: source) {
        lines.append(line)
        lines.append(DiagnosticSource.caret(under: location.column, of: line))
    }
    return lines.joined(separator: "\n")
}

/// The source-quoting half of `renderDiagnostic`.
enum DiagnosticSource {
    /// Line `number` (from 1) of `text` without its line break, or `nil` when
    /// the text has no such line.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    /// Spaces up to `column` (counted in Unicode scalars, as the source map
    /// counts), then a caret.
    ///
    /// Tabs are copied rather than replaced, and wide or combining characters
    /// take the width a terminal gives them, so the caret lands under the
    /// character however the line is displayed.
    static func caret(under column: Int, of line: String) -> String {
        var padding = ""
        var scalars = line.unicodeScalars.makeIterator()
        for _ in 1..<max(column, 1) {
            guard let scalar = scalars.next() else {
                padding += " "
                continue
            }
            if scalar == "\t" {
                padding += "\t"
            } else {
                padding += String(repeating: " ", count: displayWidth(of: scalar))
            }
        }
        return padding + "^"
    }

    /// How many terminal cells `scalar` takes: none for combining marks, two
    /// for East Asian wide characters and emoji, one otherwise.
    private static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// The blocks terminals draw two cells wide (Unicode's East Asian Width
    /// `W` and `F` classes, in broad strokes).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
}
