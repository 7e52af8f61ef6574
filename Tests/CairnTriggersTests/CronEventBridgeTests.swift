// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Testing

/// The examples of AWS EventBridge's cron expression reference, and its
/// wildcard descriptions, computed from 2025-01-01 (a Wednesday) in UTC.
@Suite struct CronEventBridgeTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var expression: String
        var from = "2025-01-01T00:00:00Z"
        var expected: [String]
        var testDescription: String { expression }
    }

    static let documentedExamples: [Example] = [
        // 10:00 AM (UTC) every day.
        Example(
            expression: "cron(0 10 * * ? *)",
            expected: ["2025-01-01T10:00:00Z", "2025-01-02T10:00:00Z"]
        ),
        // 12:15 PM every day.
        Example(
            expression: "cron(15 12 * * ? *)",
            expected: ["2025-01-01T12:15:00Z", "2025-01-02T12:15:00Z"]
        ),
        // 6:00 PM Monday through Friday; 2025-01-04 and -05 are a weekend.
        Example(
            expression: "cron(0 18 ? * MON-FRI *)",
            expected: [
                "2025-01-01T18:00:00Z", "2025-01-02T18:00:00Z", "2025-01-03T18:00:00Z",
                "2025-01-06T18:00:00Z",
            ]
        ),
        // 8:00 AM on the first day of the month.
        Example(
            expression: "cron(0 8 1 * ? *)",
            expected: ["2025-01-01T08:00:00Z", "2025-02-01T08:00:00Z", "2025-03-01T08:00:00Z"]
        ),
        // Every 15 minutes.
        Example(
            expression: "cron(0/15 * * * ? *)",
            expected: ["2025-01-01T00:15:00Z", "2025-01-01T00:30:00Z", "2025-01-01T00:45:00Z"]
        ),
        // Every 10 minutes Monday through Friday, across the weekend.
        Example(
            expression: "cron(0/10 * ? * MON-FRI *)",
            from: "2025-01-03T23:45:00Z",
            expected: ["2025-01-03T23:50:00Z", "2025-01-06T00:00:00Z", "2025-01-06T00:10:00Z"]
        ),
        // Every 5 minutes Monday through Friday between 8:00 AM and 5:55 PM.
        Example(
            expression: "cron(0/5 8-17 ? * MON-FRI *)",
            from: "2025-01-03T17:50:00Z",
            expected: ["2025-01-03T17:55:00Z", "2025-01-06T08:00:00Z", "2025-01-06T08:05:00Z"]
        ),
        // 9:00 AM on the first Monday of each month.
        Example(
            expression: "cron(0 9 ? * 2#1 *)",
            expected: ["2025-01-06T09:00:00Z", "2025-02-03T09:00:00Z", "2025-03-03T09:00:00Z"]
        ),
        // 10:15 AM on the last Friday of every month in 2019-2022; none after.
        Example(
            expression: "cron(15 10 ? * 6L 2019-2022)",
            from: "2022-10-01T00:00:00Z",
            expected: ["2022-10-28T10:15:00Z", "2022-11-25T10:15:00Z", "2022-12-30T10:15:00Z"]
        ),
        // The reference's wildcard texts: 1/10 in minutes is 1, 11, 21, ...
        Example(
            expression: "cron(1/10 * * * ? *)",
            expected: ["2025-01-01T00:01:00Z", "2025-01-01T00:11:00Z", "2025-01-01T00:21:00Z"]
        ),
        // 3W: the weekday closest to the 3rd; 2025-05-03 is a Saturday,
        // 2025-08-03 a Sunday.
        Example(
            expression: "cron(0 0 3W 1,5,8 ? *)",
            expected: ["2025-01-03T00:00:00Z", "2025-05-02T00:00:00Z", "2025-08-04T00:00:00Z"]
        ),
        // 3#2: the second Tuesday of the month.
        Example(
            expression: "cron(0 0 ? * 3#2 *)",
            expected: ["2025-01-14T00:00:00Z", "2025-02-11T00:00:00Z", "2025-03-11T00:00:00Z"]
        ),
        // JAN,FEB,MAR in the month field.
        Example(
            expression: "cron(0 0 1 JAN,FEB,MAR ? *)",
            expected: ["2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z", "2026-01-01T00:00:00Z"]
        ),
    ]

    @Test(arguments: documentedExamples)
    func documentedExampleFiresWhenTheReferenceSays(_ example: Example) throws {
        let fires = try ScheduleFixtures.next(
            example.expression,
            from: example.from,
            count: example.expected.count
        )
        #expect(fires == example.expected)
    }

    @Test func theYearRangeEnds() throws {
        let fires = try ScheduleFixtures.next(
            "cron(15 10 ? * 6L 2019-2022)",
            from: "2022-12-01T00:00:00Z",
            count: 5
        )
        #expect(fires == ["2022-12-30T10:15:00Z"])
    }

    @Test func theYearFieldStopsAt2199() throws {
        let fires = try ScheduleFixtures.next(
            "cron(0 0 31 12 ? *)",
            from: "2198-06-01T00:00:00Z",
            count: 5
        )
        #expect(fires == ["2198-12-31T00:00:00Z", "2199-12-31T00:00:00Z"])
        let stepped = try ScheduleFixtures.next(
            "cron(0 0 1 1 ? 2190/5)",
            from: "2190-01-01T00:00:00Z",
            count: 5
        )
        #expect(stepped == ["2195-01-01T00:00:00Z"])
    }

    @Test func lastDayOfMonthFollowsMonthLengthsAndLeapYears() throws {
        let days = try ScheduleFixtures.days(
            "cron(0 12 L * ? *)",
            from: "2027-12-31T13:00:00Z",
            count: 4
        )
        #expect(days == ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"])
        let february = try ScheduleFixtures.days(
            "cron(0 12 L 2 ? *)",
            from: "2099-01-01T00:00:00Z",
            count: 3
        )
        // 2100 is not a leap year; 2104 is.
        #expect(february == ["2099-02-28", "2100-02-28", "2101-02-28"])
    }

    @Test func nearestWeekdayStaysInsideTheMonth() throws {
        // 2025-02-01 and 2025-03-01 are Saturdays: 1W moves forward to Monday the 3rd.
        // 2025-06-01 is a Sunday: Monday the 2nd.
        let first = try ScheduleFixtures.days(
            "cron(0 0 1W * ? *)",
            from: "2025-01-31T00:00:00Z",
            count: 5
        )
        #expect(first == ["2025-02-03", "2025-03-03", "2025-04-01", "2025-05-01", "2025-06-02"])
        // 2025-08-31 is a Sunday and the last day: Friday the 29th, not
        // Monday 1 September. 2025-05-31 is a Saturday: Friday the 30th.
        // 31W never fires in a 30-day month.
        let last = try ScheduleFixtures.days(
            "cron(0 0 31W * ? *)",
            from: "2025-04-01T00:00:00Z",
            count: 3
        )
        #expect(last == ["2025-05-30", "2025-07-31", "2025-08-29"])
    }

    @Test func fifthWeekdayFiresOnlyInMonthsThatHaveOne() throws {
        let days = try ScheduleFixtures.days(
            "cron(0 0 ? * FRI#5 *)",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(days == ["2025-01-31", "2025-05-30", "2025-08-29"])
    }

    @Test func lAloneInDayOfWeekIsSaturday() throws {
        let days = try ScheduleFixtures.days(
            "cron(0 0 ? * L *)",
            from: "2025-01-01T00:00:00Z",
            count: 2
        )
        #expect(days == ["2025-01-04", "2025-01-11"])
    }

    @Test func dayOfWeekCountsSundayAsOne() throws {
        let days = try ScheduleFixtures.days(
            "cron(0 0 ? * 1,7 *)",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(days == ["2025-01-04", "2025-01-05", "2025-01-11"])
    }

    @Test func namesAreCaseInsensitive() throws {
        let upper = try ScheduleFixtures.next(
            "cron(0 0 ? JAN MON *)",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        let lower = try ScheduleFixtures.next(
            "cron(0 0 ? jan mon *)",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(upper == lower)
        #expect(upper.first == "2025-01-06T00:00:00Z")
    }

    @Test func february29thFiresOnlyInLeapYears() throws {
        let days = try ScheduleFixtures.days(
            "cron(0 0 29 2 ? *)",
            from: "2025-01-01T00:00:00Z",
            count: 3
        )
        #expect(days == ["2028-02-29", "2032-02-29", "2036-02-29"])
    }

    @Test func aDateThatNeverComesGivesNoFires() throws {
        #expect(
            try ScheduleFixtures.next("cron(0 0 30 2 ? *)", from: "2025-01-01T00:00:00Z", count: 3)
                == []
        )
    }
}
