// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension CronExpression {
    /// The day-of-week field: plain weekdays, `nL` and `n#k`, with weekdays
    /// stored 0 = Sunday through 6 = Saturday.
    struct DayOfWeekRule: Sendable, Hashable {
        /// The field is `?` (EventBridge: the day-of-month field decides).
        var isUnspecified = false
        /// The field is exactly `*` (classic cron's OR rule reads this).
        var isStar = false
        /// Bit n set: weekday n matches.
        var weekdays: UInt8 = 0
        /// `nL`, bit n set: the last weekday n of the month matches.
        var lastInMonth: UInt8 = 0
        /// `n#k`: the k-th (1-5) weekday n of the month, stored as n * 8 + k.
        var nthInMonth: Set<Int> = []

        func matches(day: Int, weekday: Int, monthLength: Int) -> Bool {
            let bit = UInt8(1) << UInt8(weekday)
            if weekdays & bit != 0 { return true }
            if lastInMonth & bit != 0, day + 7 > monthLength { return true }
            return nthInMonth.contains(weekday * 8 + (day - 1) / 7 + 1)
        }
    }
}
