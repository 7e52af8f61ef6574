// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// When a schedule fires, in one of three dialects.
///
/// - `rate(5 minutes)`: every N minutes, hours or days from a start instant
///   (AWS EventBridge rate expressions).
/// - `cron(0 2 ? * MON-FRI *)`: AWS EventBridge's six-field cron with `?`,
///   `L`, `W`, `#` and a year field.
/// - `0 2 * * 1-5` or `@daily`: classic five-field cron as crontab(5)
///   describes it, with its day-of-month/day-of-week OR rule.
///
/// ```swift
/// let expression = try ScheduleExpression(parsing: "cron(0 2 * * ? *)")
/// ```
public enum ScheduleExpression: Sendable, Hashable, CustomStringConvertible {
    case rate(RateExpression)
    case cron(CronExpression)

    /// Reads an expression, choosing the dialect by its form: `rate(`,
    /// `cron(`, or else classic five-field cron (or an `@` macro).
    ///
    /// - Parameter text: The expression; white space around it is ignored.
    /// - Throws: `ScheduleError` with code `invalidExpression`, naming the
    ///   field at fault and the character offset into `text`.
    public init(parsing text: String) throws(ScheduleError) {
        let trimmed = text.drop { $0.isWhitespace }
        let leading = text.count - trimmed.count
        if trimmed.hasPrefix("rate(") {
            self = .rate(try RateExpression(parsing: text, start: leading))
        } else if trimmed.hasPrefix("cron(") {
            self = .cron(try CronParser(text: text, start: leading).parseEventBridge())
        } else if trimmed.isEmpty {
            throw ScheduleError(
                code: .invalidExpression,
                message: "the expression is empty; write rate(...), cron(...) or five cron fields",
                expression: text
            )
        } else {
            self = .cron(try CronParser(text: text, start: leading).parseClassic())
        }
    }

    /// The expression as written.
    public var description: String {
        switch self {
        case .rate(let rate): rate.text
        case .cron(let cron): cron.text
        }
    }
}
