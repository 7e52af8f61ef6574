// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// An AWS EventBridge rate expression: `rate(value unit)`.
///
/// The value is a positive whole number; the unit is `minute`, `hour` or
/// `day` when the value is 1 and `minutes`, `hours` or `days` otherwise, as
/// AWS documents (`rate(1 hours)` and `rate(5 hour)` are invalid). A day is
/// 24 hours of elapsed time, not a calendar day, so a rate schedule does not
/// move when clocks change. A schedule measures its rate from its start
/// instant; see `Schedule.start`.
public struct RateExpression: Sendable, Hashable {
    /// The unit of a rate.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minute
        case hour
        case day

        /// The length of one unit in seconds.
        public var seconds: Int {
            switch self {
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            }
        }
    }

    /// The largest value accepted: about 27 years in minutes. Larger values
    /// are surely typing mistakes.
    public static let maximumValue = 10_000_000

    /// How many units lie between fires; at least 1.
    public var value: Int
    public var unit: Unit
    /// The expression as written.
    public var text: String

    /// The time between fires, in seconds.
    public var intervalSeconds: Int { value * unit.seconds }

    /// Reads `rate(value unit)`.
    ///
    /// - Parameters:
    ///   - text: The whole expression, for offsets and messages.
    ///   - start: The offset of `rate` in `text`.
    /// - Throws: `ScheduleError` (`invalidExpression`) naming `rate value`,
    ///   `rate unit` or `rate` and the offset of the fault.
    init(parsing text: String, start: Int) throws(ScheduleError) {
        let characters = Array(text)
        func fail(_ field: String?, _ message: String, at offset: Int) -> ScheduleError {
            ScheduleError(
                code: .invalidExpression,
                message: message,
                field: field,
                expression: text,
                offset: offset
            )
        }
        guard let open = characters[start...].firstIndex(of: "("),
            let close = characters.lastIndex(of: ")"), close > open
        else {
            throw fail("rate", "expected rate(value unit) with a closing ')'", at: start)
        }
        if let extra = characters[(close + 1)...].firstIndex(where: { !$0.isWhitespace }) {
            throw fail("rate", "unexpected text after ')'", at: extra)
        }
        let words = CronParser.words(in: characters, from: open + 1, to: close)
        guard words.count == 2 else {
            throw fail(
                "rate",
                "expected two words inside rate(...), a value and a unit, found \(words.count)",
                at: words.count > 2 ? words[2].offset : open + 1
            )
        }
        let (valueWord, unitWord) = (words[0], words[1])
        guard valueWord.text.allSatisfy(\.isASCII), valueWord.text.allSatisfy(\.isNumber),
            let value = Int(valueWord.text), value > 0
        else {
            throw fail(
                "rate value",
                "'\(valueWord.text)' is not a positive whole number",
                at: valueWord.offset
            )
        }
        guard value <= Self.maximumValue else {
            throw fail(
                "rate value",
                "\(value) is larger than \(Self.maximumValue)",
                at: valueWord.offset
            )
        }
        let singular =
            unitWord.text.hasSuffix("s") ? String(unitWord.text.dropLast()) : unitWord.text
        guard let unit = Unit(rawValue: singular) else {
            throw fail(
                "rate unit",
                "'\(unitWord.text)' is not minute(s), hour(s) or day(s)",
                at: unitWord.offset
            )
        }
        let isPlural = unitWord.text != singular
        if value == 1, isPlural {
            throw fail(
                "rate unit",
                "a value of 1 takes the singular unit '\(singular)'",
                at: unitWord.offset
            )
        }
        if value != 1, !isPlural {
            throw fail(
                "rate unit",
                "a value other than 1 takes the plural unit '\(singular)s'",
                at: unitWord.offset
            )
        }
        self.value = value
        self.unit = unit
        self.text = CronParser.trimmed(text)
    }
}
