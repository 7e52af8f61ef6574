// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A parsed cron expression in either dialect, reduced to the sets of values
/// each field allows; it answers which local minutes match.
///
/// Days of the week are stored 0 = Sunday through 6 = Saturday whatever the
/// dialect wrote (EventBridge writes 1 = SUN ... 7 = SAT; classic cron writes
/// 0 or 7 for Sunday).
public struct CronExpression: Sendable, Hashable {
    /// Which rules the expression was read by.
    public enum Dialect: String, Sendable, Hashable {
        /// AWS EventBridge `cron(minutes hours day-of-month month day-of-week year)`.
        case eventBridge
        /// Classic five-field cron, `minute hour day-of-month month day-of-week`.
        case classic
    }

    public var dialect: Dialect
    /// The expression as written, without surrounding white space.
    public var text: String

    /// Bit n set: minute n (0-59) matches.
    var minutes: UInt64 = 0
    /// Bit n set: hour n (0-23) matches.
    var hours: UInt32 = 0
    /// Bit n set: month n (1-12) matches.
    var months: UInt16 = 0
    var daysOfMonth = DayOfMonthRule()
    var daysOfWeek = DayOfWeekRule()
    /// The years allowed (EventBridge); empty means every year.
    var years: Set<Int> = []

    // MARK: - Matching

    /// Whether minute `minute` (0-59) is allowed.
    func matches(minute: Int) -> Bool { minutes & (1 << UInt64(minute)) != 0 }

    /// Whether hour `hour` (0-23) is allowed.
    func matches(hour: Int) -> Bool { hours & (1 << UInt32(hour)) != 0 }

    /// Whether month `month` (1-12) is allowed.
    func matches(month: Int) -> Bool { months & (1 << UInt16(month)) != 0 }

    /// Whether year `year` is allowed; classic cron allows every year.
    func matches(year: Int) -> Bool {
        switch dialect {
        case .classic: true
        case .eventBridge: (1970...2199).contains(year) && (years.isEmpty || years.contains(year))
        }
    }

    /// The last year that can match, past which there is nothing to look for.
    var lastYear: Int? {
        switch dialect {
        case .classic: nil
        case .eventBridge: years.max() ?? 2199
        }
    }

    /// Whether the day fields allow a date.
    ///
    /// EventBridge has one of the two fields as `?`, so only the other counts.
    /// Classic cron follows crontab(5): when both fields are restricted (not
    /// `*`), a day matches when either matches; otherwise both must match.
    func matches(year: Int, month: Int, day: Int) -> Bool {
        let length = LocalTime.daysInMonth(year: year, month: month)
        let weekday = LocalTime.weekday(
            daysSinceEpoch: LocalTime.days(year: year, month: month, day: day)
        )
        let dayOfMonth = daysOfMonth.matches(day: day, weekday: weekday, monthLength: length)
        let dayOfWeek = daysOfWeek.matches(day: day, weekday: weekday, monthLength: length)
        if daysOfMonth.isUnspecified { return dayOfWeek }
        if daysOfWeek.isUnspecified { return dayOfMonth }
        if daysOfMonth.isStar || daysOfWeek.isStar { return dayOfMonth && dayOfWeek }
        return dayOfMonth || dayOfWeek
    }

    /// The hours that match, in order.
    var matchingHours: [Int] { (0...23).filter(matches(hour:)) }

    /// The minutes that match, in order.
    var matchingMinutes: [Int] { (0...59).filter(matches(minute:)) }
}
