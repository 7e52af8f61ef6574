// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Timestamp {
    /// A day of the proleptic Gregorian calendar, convertible to and from a
    /// count of days since 1970-01-01.
    ///
    /// The conversions work in 400-year eras of 146 097 days with months
    /// counted from March, so the leap day falls at the end of the year and
    /// the arithmetic is exact for every year an `Int64` of days can reach.
    struct CivilDate: Equatable {
        var year: Int64
        var month: Int
        var day: Int

        init(year: Int64, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        init(daysSinceEpoch: Int64) {
            // Day 0 of era 0 is 0000-03-01, 719 468 days before the epoch.
            let shifted = daysSinceEpoch + 719_468
            let era = Self.floorDivide(shifted, 146_097)
            let dayOfEra = shifted - era * 146_097
            let yearOfEra =
                (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let marchMonth = (5 * dayOfYear + 2) / 153
            day = Int(dayOfYear - (153 * marchMonth + 2) / 5 + 1)
            month = Int(marchMonth < 10 ? marchMonth + 3 : marchMonth - 9)
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }

        var daysSinceEpoch: Int64 {
            let marchYear = month <= 2 ? year - 1 : year
            let era = Self.floorDivide(marchYear, 400)
            let yearOfEra = marchYear - era * 400
            let marchMonth = Int64(month > 2 ? month - 3 : month + 9)
            let dayOfYear = (153 * marchMonth + 2) / 5 + Int64(day) - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        static func isLeapYear(_ year: Int64) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }

        static func daysInMonth(_ month: Int, year: Int64) -> Int {
            switch month {
            case 2: isLeapYear(year) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Division rounding toward negative infinity, so that instants before
        /// the epoch split into a day and a non-negative time of day.
        static func floorDivide<Value: BinaryInteger>(_ value: Value, _ divisor: Value) -> Value {
            let quotient = value / divisor
            let isInexact = value % divisor != 0
            return isInexact && (value < 0) != (divisor < 0) ? quotient - 1 : quotient
        }

        /// The remainder that goes with ``floorDivide(_:_:)``: it has the
        /// divisor's sign.
        static func floorModulo<Value: BinaryInteger>(_ value: Value, _ divisor: Value) -> Value {
            value - floorDivide(value, divisor) * divisor
        }
    }
}
