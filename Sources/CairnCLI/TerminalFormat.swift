// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Short, human forms of durations and times for tables and messages.
///
/// These are for people only; `--json` output uses ISO 8601 and numbers.
public enum TerminalFormat {
    /// A duration in its largest sensible unit: `850ms`, `1.23s`, `2m03s`,
    /// `1h05m`, `3d04h`. Negative durations show as `0ms`.
    public static func duration(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return self.duration(seconds: Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// A duration given in seconds, formatted like ``duration(_:)``.
    public static func duration(seconds: Double) -> String {
        let seconds = seconds.isFinite ? max(0, seconds) : 0
        // Each unit is rounded before it is chosen, so that 59.996 s shows
        // as 1m00s and never as 60.00s.
        let milliseconds = Int((seconds * 1000).rounded())
        if milliseconds < 1000 {
            return "\(milliseconds)ms"
        }
        let centiseconds = Int((seconds * 100).rounded())
        if centiseconds < 6000 {
            return "\(centiseconds / 100).\(twoDigits(centiseconds % 100))s"
        }
        let wholeSeconds = Int(seconds.rounded())
        if wholeSeconds < 3600 {
            return "\(wholeSeconds / 60)m\(twoDigits(wholeSeconds % 60))s"
        }
        let minutes = Int((seconds / 60).rounded())
        if minutes < 24 * 60 {
            return "\(minutes / 60)h\(twoDigits(minutes % 60))m"
        }
        let hours = Int((seconds / 3600).rounded())
        return "\(hours / 24)d\(twoDigits(hours % 24))h"
    }

    /// A point in time as `2025-01-31 09:12:03` in the given time zone.
    public static func timestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: date
        )
        let day = "\(parts.year ?? 0)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0))"
        let time = [parts.hour, parts.minute, parts.second].map { twoDigits($0 ?? 0) }
        return day + " " + time.joined(separator: ":")
    }

    /// How long ago (or how far ahead) a time is: `just now`, `42s ago`,
    /// `5m ago`, `3h ago`, `2d ago`, `in 10m`.
    public static func relativeTime(_ date: Date, now: Date) -> String {
        let offset = now.timeIntervalSince(date)
        let magnitude = abs(offset)
        if magnitude < 1 {
            return "just now"
        }
        let amount: String
        switch magnitude {
        case ..<60: amount = "\(Int(magnitude))s"
        case ..<3600: amount = "\(Int(magnitude / 60))m"
        case ..<86_400: amount = "\(Int(magnitude / 3600))h"
        default: amount = "\(Int(magnitude / 86_400))d"
        }
        return offset > 0 ? "\(amount) ago" : "in \(amount)"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
