// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Testing

/// Classic five-field cron as crontab(5) describes it, from its example
/// crontab, computed from 2025-01-01 (a Wednesday) in UTC.
@Suite struct CronClassicTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var expression: String
        var expected: [String]
        var testDescription: String { expression }
    }

    static let manualExamples: [Example] = [
        // Five minutes after midnight, every day.
        Example(
            expression: "5 0 * * *",
            expected: ["2025-01-01T00:05:00Z", "2025-01-02T00:05:00Z"]
        ),
        // 2:15pm on the first of every month.
        Example(
            expression: "15 14 1 * *",
            expected: ["2025-01-01T14:15:00Z", "2025-02-01T14:15:00Z"]
        ),
        // 10 pm on weekdays.
        Example(
            expression: "0 22 * * 1-5",
            expected: [
                "2025-01-01T22:00:00Z", "2025-01-02T22:00:00Z", "2025-01-03T22:00:00Z",
                "2025-01-06T22:00:00Z",
            ]
        ),
        // 23 minutes after midnight, 2am, 4am, ..., every day.
        Example(
            expression: "23 0-23/2 * * *",
            expected: ["2025-01-01T00:23:00Z", "2025-01-01T02:23:00Z", "2025-01-01T04:23:00Z"]
        ),
        // 5 after 4 every Sunday.
        Example(
            expression: "5 4 * * sun",
            expected: ["2025-01-05T04:05:00Z", "2025-01-12T04:05:00Z"]
        ),
        // 4:30 am on the 1st and 15th of each month, plus every Friday.
        Example(
            expression: "30 4 1,15 * 5",
            expected: [
                "2025-01-01T04:30:00Z", "2025-01-03T04:30:00Z", "2025-01-10T04:30:00Z",
                "2025-01-15T04:30:00Z", "2025-01-17T04:30:00Z",
            ]
        ),
        // Steps after '*' and names in ranges.
        Example(
            expression: "*/20 9 * jan mon-wed",
            expected: ["2025-01-01T09:00:00Z", "2025-01-01T09:20:00Z", "2025-01-01T09:40:00Z"]
        ),
        // The macros.
        Example(expression: "@yearly", expected: ["2026-01-01T00:00:00Z"]),
        Example(expression: "@annually", expected: ["2026-01-01T00:00:00Z"]),
        Example(expression: "@monthly", expected: ["2025-02-01T00:00:00Z"]),
        Example(expression: "@weekly", expected: ["2025-01-05T00:00:00Z", "2025-01-12T00:00:00Z"]),
        Example(expression: "@daily", expected: ["2025-01-02T00:00:00Z"]),
        Example(expression: "@midnight", expected: ["2025-01-02T00:00:00Z"]),
        Example(expression: "@hourly", expected: ["2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z"]),
    ]

    @Test(arguments: manualExamples)
    func manualExampleFiresWhenCrontabSays(_ example: Example) throws {
        let fires = try ScheduleFixtures.next(
            example.expression,
            from: "2025-01-01T00:00:00Z",
            count: example.expected.count
        )
        #expect(fires == example.expected)
    }

    @Test func zeroAndSevenAreBothSunday() throws {
        let zero = try ScheduleFixtures.days("0 0 * * 0", from: "2025-01-01T00:00:00Z", count: 3)
        let seven = try ScheduleFixtures.days("0 0 * * 7", from: "2025-01-01T00:00:00Z", count: 3)
        #expect(zero == ["2025-01-05", "2025-01-12", "2025-01-19"])
        #expect(seven == zero)
        let weekend = try ScheduleFixtures.days(
            "0 0 * * 5-7",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(weekend == ["2025-01-03", "2025-01-04", "2025-01-05"])
    }

    /// crontab(5): "If both fields are restricted (i.e., aren't *), the
    /// command will be run when either field matches". `*/2` is not `*`, so
    /// it restricts and the OR rule applies (croniter agrees; Vixie cron's
    /// code treats any field starting with `*` as unrestricted).
    @Test func restrictedDayFieldsMatchEither() throws {
        let days = try ScheduleFixtures.days("0 0 */2 * 1", from: "2025-01-01T00:00:00Z", count: 5)
        // Odd days of the month, and Monday the 6th.
        #expect(days == ["2025-01-03", "2025-01-05", "2025-01-06", "2025-01-07", "2025-01-09"])
    }

    @Test func anUnrestrictedDayFieldLeavesTheOtherToDecide() throws {
        let dayOfMonth = try ScheduleFixtures.days(
            "0 0 31 * *",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(dayOfMonth == ["2025-01-31", "2025-03-31", "2025-05-31"])
        let dayOfWeek = try ScheduleFixtures.days(
            "0 0 * * fri",
            from: "2025-01-01T00:00:00Z",
            count: 2
        )
        #expect(dayOfWeek == ["2025-01-03", "2025-01-10"])
    }

    /// croniter reads `1-1` in the hour field as every hour; crontab(5)
    /// makes it the range from 1 to 1.
    @Test func aOneValueRangeIsThatValue() throws {
        let fires = try ScheduleFixtures.next("0 1-1 * * *", from: "2025-01-01T00:00:00Z", count: 2)
        #expect(fires == ["2025-01-01T01:00:00Z", "2025-01-02T01:00:00Z"])
    }

    @Test func leapDayAndMonthEnds() throws {
        let leap = try ScheduleFixtures.days("0 0 29 2 *", from: "2025-01-01T00:00:00Z", count: 2)
        #expect(leap == ["2028-02-29", "2032-02-29"])
        // A leap day that is also a Monday: 2044-02-29.
        let mondayLeap = try ScheduleFixtures.days(
            "0 0 29 2 *",
            from: "2041-01-01T00:00:00Z",
            count: 1
        )
        #expect(mondayLeap == ["2044-02-29"])
        let thirtieth = try ScheduleFixtures.days(
            "0 0 30 * *",
            from: "2025-01-31T00:00:00Z",
            count: 2
        )
        #expect(thirtieth == ["2025-03-30", "2025-04-30"])
    }

    @Test func aDateThatNeverComesGivesNoFires() throws {
        #expect(
            try ScheduleFixtures.next("0 0 30 2 *", from: "2025-01-01T00:00:00Z", count: 1) == []
        )
    }
}
