// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension CronExpression {
    /// The day-of-month field: plain days, `L` and `nW`.
    struct DayOfMonthRule: Sendable, Hashable {
        /// The field is `?` (EventBridge: the day-of-week field decides).
        var isUnspecified = false
        /// The field is exactly `*` (classic cron's OR rule reads this).
        var isStar = false
        /// Bit n set: day n (1-31) matches.
        var days: UInt32 = 0
        /// `L`: the last day of the month matches.
        var includesLastDay = false
        /// `nW`: the weekday (Monday-Friday) nearest day n, within the month.
        var nearestWeekdays: Set<Int> = []

        func matches(day: Int, weekday: Int, monthLength: Int) -> Bool {
            if days & (1 << UInt32(day)) != 0 { return true }
            if includesLastDay, day == monthLength { return true }
            return nearestWeekdays.contains { target in
                Self.nearestWeekday(
                    to: target,
                    day: day,
                    weekday: weekday,
                    monthLength: monthLength
                )
                    == day
            }
        }

        /// The day of the month of the weekday nearest `target`, never
        /// leaving the month; `nil` when the month has no day `target`.
        ///
        /// A Saturday moves to the Friday before, or to Monday the 3rd when
        /// it is the 1st; a Sunday moves to the Monday after, or to the
        /// Friday before when it is the last day.
        static func nearestWeekday(
            to target: Int,
            day: Int,
            weekday: Int,
            monthLength: Int
        ) -> Int? {
            guard target <= monthLength else { return nil }
            // The weekday of `target`, from the weekday of `day`.
            let targetWeekday = ((weekday + target - day) % 7 + 7) % 7
            switch targetWeekday {
            case 6: return target == 1 ? 3 : target - 1
            case 0: return target == monthLength ? target - 2 : target + 1
            default: return target
            }
        }
    }
}
