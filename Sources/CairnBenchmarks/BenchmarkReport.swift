// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The figures of one benchmark run: each is printed as it is measured and
/// again in the summary table at the end.
final class BenchmarkReport {
    struct Row {
        var section: String
        var label: String
        var value: String
        var note: String
    }

    private(set) var rows: [Row] = []
    private var section = ""

    /// Starts a new group of figures and announces it.
    func begin(_ section: String) {
        self.section = section
        print("\n== \(section)")
        flush()
    }

    /// Records one figure.
    func add(_ label: String, _ value: String, note: String = "") {
        self.rows.append(Row(section: self.section, label: label, value: value, note: note))
        print("  \(label): \(value)" + (note.isEmpty ? "" : "  (\(note))"))
        flush()
    }

    /// Records a line that is not a figure: a skipped part, a missed target.
    func remark(_ text: String) {
        self.rows.append(Row(section: self.section, label: text, value: "", note: ""))
        print("  \(text)")
        flush()
    }

    /// Prints every figure as one table, grouped by section.
    func printSummary() {
        let labelWidth = self.rows.filter { !$0.value.isEmpty }.map(\.label.count).max() ?? 0
        let valueWidth = self.rows.map(\.value.count).max() ?? 0
        print("\n== Summary")
        var current = ""
        for row in self.rows {
            if row.section != current {
                current = row.section
                print("\n\(current)")
            }
            let label = row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let value = String(repeating: " ", count: max(0, valueWidth - row.value.count))
                + row.value
            let line = row.value.isEmpty ? "  \(row.label)" : "  \(label)  \(value)  \(row.note)"
            print(line.trimmingTrailingSpaces)
        }
        flush()
    }

    private func flush() {
        fflush(nil)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// How the report writes numbers.
enum Figure {
    static func rate(_ value: Double, _ unit: String) -> String {
        "\(decimal(value, places: value >= 100 ? 0 : 1)) \(unit)/s"
    }

    static func milliseconds(_ duration: Duration) -> String {
        "\(decimal(duration.seconds * 1000, places: 2)) ms"
    }

    static func ratio(_ value: Double) -> String {
        decimal(value, places: 2)
    }

    static func megabytes(kilobytes: Int) -> String {
        "\(decimal(Double(kilobytes) / 1024, places: 1)) MB"
    }

    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, fraction) = self.components
        return Double(whole) + Double(fraction) / 1e18
    }
}

/// Order statistics of a set of durations.
struct Latencies {
    private let sorted: [Duration]

    init(_ samples: [Duration]) {
        self.sorted = samples.sorted()
    }

    /// The sample below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Duration {
        guard !self.sorted.isEmpty else { return .zero }
        let rank = Int((fraction * Double(self.sorted.count)).rounded(.up)) - 1
        return self.sorted[min(max(rank, 0), self.sorted.count - 1)]
    }

    var median: Duration { percentile(0.5) }
}
