// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A wall-clock date and time to the minute, in no particular time zone: what
/// a cron expression names and what a clock on the wall shows.
///
/// Arithmetic is on the proleptic Gregorian calendar. `naiveSeconds` counts
/// seconds from 1970-01-01 00:00 as if the wall clock were UTC; a time zone
/// turns that into zero, one or two real instants (see `LocalTimeResolution`).
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1-12.
    public var month: Int
    /// 1-31.
    public var day: Int
    /// 0-23.
    public var hour: Int
    /// 0-59.
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// The wall time `seconds` after 1970-01-01 00:00 on a clock that never
    /// changes; seconds within the minute are dropped.
    public init(naiveSeconds seconds: Int) {
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        self.init(
            year: year,
            month: month,
            day: day,
            hour: secondOfDay / 3600,
            minute: secondOfDay % 3600 / 60
        )
    }

    /// Days since 1970-01-01 of this date.
    public var daysSinceEpoch: Int {
        Self.days(year: year, month: month, day: day)
    }

    /// Seconds since 1970-01-01 00:00 on a clock that never changes.
    public var naiveSeconds: Int {
        daysSinceEpoch * 86_400 + hour * 3600 + minute * 60
    }

    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int {
        Self.weekday(daysSinceEpoch: daysSinceEpoch)
    }

    /// `2025-03-30T02:30:00`, the ISO 8601 form without an offset.
    public var description: String {
        let date = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        return "\(date)T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):00"
    }

    /// `02:30`.
    public var clockText: String {
        "\(Self.pad(hour, 2)):\(Self.pad(minute, 2))"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.naiveSeconds < rhs.naiveSeconds
    }

    // MARK: - Calendar arithmetic

    /// Whether February of `year` has 29 days.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month (1-12) of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 0 for Sunday through 6 for Saturday; 1970-01-01 was a Thursday.
    static func weekday(daysSinceEpoch days: Int) -> Int {
        let remainder = (days + 4) % 7
        return remainder < 0 ? remainder + 7 : remainder
    }

    /// Days since 1970-01-01 of a civil date; valid for any year.
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Counting years from March puts the leap day at the end of a year,
        // which makes the day-of-year formula the same for every month.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date `days` after 1970-01-01; the inverse of `days(year:month:day:)`.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }
}
