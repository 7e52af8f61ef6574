// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Rows of text in aligned columns under a header, for people to read.
///
/// Columns are separated by two spaces. When the table is wider than the
/// terminal, the widest truncatable columns give up columns first, and cut
/// cells end in `…`. Colour (a bold header, per-cell styles) is used only
/// when the terminal allows it.
///
/// ```swift
/// var table = Table(columns: [
///     Table.Column("EXECUTION"),
///     Table.Column("STATUS", style: { $0 == "FAILED" ? .red : nil }),
///     Table.Column("DURATION", alignment: .right, isTruncatable: false),
/// ])
/// table.append(["nightly-0412", "FAILED", "2m03s"])
/// terminal.write(table.render(for: terminal))
/// ```
public struct Table: Sendable {
    /// The columns, left to right.
    public var columns: [Column]
    /// The cells of each row; missing cells are blank, extra cells ignored.
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Adds a row at the bottom.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table fitted to the terminal's width and colour setting.
    public func render(for terminal: Terminal) -> String {
        render(width: terminal.isInteractive ? terminal.width : nil) { text, style in
            terminal.styled(text, style)
        }
    }

    /// The table as lines ending in newlines, without colour.
    ///
    /// - Parameter width: The most columns a line may take; `nil` for no limit.
    public func render(width: Int?) -> String {
        render(width: width) { text, _ in text }
    }

    // MARK: - Rendering

    private func render(
        width: Int?,
        style: (String, Terminal.Style) -> String
    ) -> String {
        let cells = rows.map { row in
            columns.indices.map { index in
                index < row.count ? Self.singleLine(row[index]) : ""
            }
        }
        let widths = fittedWidths(cells: cells, width: width)
        var lines = [line(columns.map(\.title), widths: widths) { text, _ in style(text, .bold) }]
        for row in cells {
            lines.append(
                line(row, widths: widths) { text, index in
                    columns[index].style?(text).map { style(text, $0) } ?? text
                }
            )
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func line(
        _ cells: [String],
        widths: [Int],
        style: (String, Int) -> String
    ) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let text = TerminalText.truncate(cell, toWidth: widths[index])
            let padding = String(
                repeating: " ",
                count: max(0, widths[index] - TerminalText.displayWidth(text))
            )
            let isLast = index == cells.count - 1
            switch columns[index].alignment {
            case .left: parts.append(style(text, index) + (isLast ? "" : padding))
            case .right: parts.append(padding + style(text, index))
            }
        }
        // A blank right-aligned last cell would leave trailing spaces.
        return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }

    /// Natural column widths, narrowed one column at a time from the widest
    /// truncatable column until the table fits, down to each column's floor.
    private func fittedWidths(cells: [[String]], width: Int?) -> [Int] {
        var widths = columns.indices.map { index in
            cells.reduce(TerminalText.displayWidth(columns[index].title)) {
                max($0, TerminalText.displayWidth($1[index]))
            }
        }
        guard let width else { return widths }
        let floors = columns.indices.map { index in
            min(widths[index], max(TerminalText.displayWidth(columns[index].title), 4))
        }
        var total = widths.reduce(0, +) + 2 * max(0, columns.count - 1)
        while total > width {
            let candidates = columns.indices.filter {
                columns[$0].isTruncatable && widths[$0] > floors[$0]
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// Newlines and tabs would break the grid; they become spaces.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
