// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Testing

/// Fires around clock changes, in zones north and south of the equator, at
/// odd offsets, without daylight saving, and on a day a zone skipped. The
/// expected instants were worked out with Python's zoneinfo.
@Suite struct ScheduleDaylightSavingTests {
    typealias Fixtures = ScheduleFixtures

    // MARK: - Europe/Berlin: 02:00 → 03:00 on 2025-03-30, 03:00 → 02:00 on 2025-10-26

    @Test func berlinSpringForwardRunsAfterTheGapByDefault() throws {
        let fires = try Fixtures.fires(
            "cron(30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-03-29T00:00:00Z",
            count: 3
        )
        #expect(
            fires.map(Fixtures.text) == [
                "2025-03-29T02:30:00+01:00", "2025-03-30T03:00:00+02:00",
                "2025-03-31T02:30:00+02:00",
            ]
        )
        #expect(fires.map(\.adjustment) == [.none, .movedAfterGap, .none])
        #expect(fires[1].scheduledTime.clockText == "02:30")
        #expect(fires[1].localTime.clockText == "03:00")
    }

    @Test func berlinSpringForwardCanSkipTheDay() throws {
        let fires = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-03-29T00:00:00Z",
            count: 3,
            nonexistent: .skip
        )
        #expect(
            fires == [
                "2025-03-29T02:30:00+01:00", "2025-03-31T02:30:00+02:00",
                "2025-04-01T02:30:00+02:00",
            ]
        )
    }

    @Test func severalFiresInOneGapBecomeOne() throws {
        let quarterHours = try Fixtures.fires(
            "cron(0/15 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-03-30T00:00:00Z",
            count: 2
        )
        #expect(
            quarterHours.map(Fixtures.text) == [
                "2025-03-30T03:00:00+02:00", "2025-03-31T02:00:00+02:00",
            ]
        )
        // 02:00 and 02:30 move to 03:00, where 03:00 itself already fires.
        let spanning = try Fixtures.next(
            "cron(0/30 2-3 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-03-30T00:00:00Z",
            count: 3
        )
        #expect(
            spanning == [
                "2025-03-30T03:00:00+02:00", "2025-03-30T03:30:00+02:00",
                "2025-03-31T02:00:00+02:00",
            ]
        )
    }

    @Test(arguments: [
        (
            Schedule.RepeatedTimePolicy.first,
            [
                "2025-10-25T02:30:00+02:00", "2025-10-26T02:30:00+02:00",
                "2025-10-27T02:30:00+01:00",
            ]
        ),
        (
            .second,
            [
                "2025-10-25T02:30:00+02:00", "2025-10-26T02:30:00+01:00",
                "2025-10-27T02:30:00+01:00",
            ]
        ),
        (
            .both,
            [
                "2025-10-25T02:30:00+02:00", "2025-10-26T02:30:00+02:00",
                "2025-10-26T02:30:00+01:00",
                "2025-10-27T02:30:00+01:00",
            ]
        ),
    ])
    func berlinFallBackFollowsTheRepeatedTimePolicy(
        _ policy: Schedule.RepeatedTimePolicy,
        _ expected: [String]
    ) throws {
        let fires = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-10-25T00:00:00Z",
            count: expected.count,
            repeated: policy
        )
        #expect(fires == expected)
    }

    @Test func bothOccurrencesInterleaveInTimeOrder() throws {
        let fires = try Fixtures.fires(
            "cron(0/30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-10-26T00:00:00Z",
            count: 4,
            repeated: .both
        )
        #expect(
            fires.map(Fixtures.text) == [
                "2025-10-26T02:30:00+02:00", "2025-10-26T02:00:00+01:00",
                "2025-10-26T02:30:00+01:00",
                "2025-10-27T02:00:00+01:00",
            ]
        )
        #expect(
            fires.map(\.adjustment) == [
                .firstOccurrence, .secondOccurrence, .secondOccurrence, .none,
            ]
        )
    }

    @Test func askingInsideTheRepeatedHourDoesNotFireTheFirstOccurrenceAgain() throws {
        // 01:15 UTC is 02:15 CET, the second pass through 02:xx.
        let first = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-10-26T01:15:00Z",
            count: 1
        )
        #expect(first == ["2025-10-27T02:30:00+01:00"])
        let second = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Europe/Berlin",
            from: "2025-10-26T01:15:00Z",
            count: 1,
            repeated: .second
        )
        #expect(second == ["2025-10-26T02:30:00+01:00"])
    }

    // MARK: - America/New_York: 2025-03-09 and 2025-11-02, classic cron

    @Test func newYorkSpringForward() throws {
        let fires = try Fixtures.next(
            "30 2 * * *",
            timeZone: "America/New_York",
            from: "2025-03-08T12:00:00Z",
            count: 2
        )
        #expect(fires == ["2025-03-09T03:00:00-04:00", "2025-03-10T02:30:00-04:00"])
    }

    @Test func newYorkFallBack() throws {
        let first = try Fixtures.next(
            "30 1 * * *",
            timeZone: "America/New_York",
            from: "2025-11-01T12:00:00Z",
            count: 2
        )
        #expect(first == ["2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00"])
        let second = try Fixtures.next(
            "30 1 * * *",
            timeZone: "America/New_York",
            from: "2025-11-01T12:00:00Z",
            count: 1,
            repeated: .second
        )
        #expect(second == ["2025-11-02T01:30:00-05:00"])
    }

    // MARK: - Australia/Sydney: the southern hemisphere

    @Test func sydneyFallsBackInApril() throws {
        let fires = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Australia/Sydney",
            from: "2025-04-04T12:00:00Z",
            count: 3
        )
        #expect(
            fires == [
                "2025-04-05T02:30:00+11:00", "2025-04-06T02:30:00+11:00",
                "2025-04-07T02:30:00+10:00",
            ]
        )
    }

    @Test func sydneySpringsForwardInOctober() throws {
        let fires = try Fixtures.next(
            "cron(30 2 * * ? *)",
            timeZone: "Australia/Sydney",
            from: "2025-10-03T12:00:00Z",
            count: 3
        )
        #expect(
            fires == [
                "2025-10-04T02:30:00+10:00", "2025-10-05T03:00:00+11:00",
                "2025-10-06T02:30:00+11:00",
            ]
        )
    }

    // MARK: - Zones without DST, with odd offsets, and with midnight changes

    @Test func kolkataHasNoAdjustments() throws {
        let fires = try Fixtures.fires(
            "cron(30 2 * * ? *)",
            timeZone: "Asia/Kolkata",
            from: "2025-03-29T00:00:00Z",
            count: 3
        )
        #expect(
            fires.map(Fixtures.text) == [
                "2025-03-30T02:30:00+05:30", "2025-03-31T02:30:00+05:30",
                "2025-04-01T02:30:00+05:30",
            ]
        )
        #expect(fires.allSatisfy { $0.adjustment == .none })
    }

    @Test func santiagoMidnightThatDoesNotExist() throws {
        // Clocks go from 24:00 to 01:00 on 2025-09-07.
        let fires = try Fixtures.next(
            "0 0 * * *",
            timeZone: "America/Santiago",
            from: "2025-09-06T12:00:00Z",
            count: 2
        )
        #expect(fires == ["2025-09-07T01:00:00-03:00", "2025-09-08T00:00:00-03:00"])
    }

    @Test func santiagoRepeatedHourBeforeMidnight() throws {
        // Clocks go from 24:00 back to 23:00 on 2025-04-05.
        let fires = try Fixtures.next(
            "cron(30 23 * * ? *)",
            timeZone: "America/Santiago",
            from: "2025-04-05T12:00:00Z",
            count: 3,
            repeated: .both
        )
        #expect(
            fires == [
                "2025-04-05T23:30:00-03:00", "2025-04-05T23:30:00-04:00",
                "2025-04-06T23:30:00-04:00",
            ]
        )
    }

    @Test func chathamQuarterHourOffsets() throws {
        // 03:45 → 02:45 on 2025-04-06; 02:45 → 03:45 on 2025-09-28.
        let autumn = try Fixtures.next(
            "cron(0 3 * * ? *)",
            timeZone: "Pacific/Chatham",
            from: "2025-04-05T00:00:00Z",
            count: 2
        )
        #expect(autumn == ["2025-04-06T03:00:00+13:45", "2025-04-07T03:00:00+12:45"])
        let spring = try Fixtures.next(
            "cron(0 3 * * ? *)",
            timeZone: "Pacific/Chatham",
            from: "2025-09-27T00:00:00Z",
            count: 2
        )
        #expect(spring == ["2025-09-28T03:45:00+13:45", "2025-09-29T03:00:00+13:45"])
    }

    @Test func apiaSkippedAWholeDay() throws {
        // Samoa moved across the date line: 2011-12-30 never happened there.
        let fires = try Fixtures.fires(
            "cron(0 12 * * ? *)",
            timeZone: "Pacific/Apia",
            from: "2011-12-29T00:00:00Z",
            count: 3
        )
        #expect(
            fires.map(Fixtures.text) == [
                "2011-12-29T12:00:00-10:00", "2011-12-31T00:00:00+14:00",
                "2011-12-31T12:00:00+14:00",
            ]
        )
        #expect(fires[1].adjustment == .movedAfterGap)
        #expect(fires[1].scheduledTime.description == "2011-12-30T12:00:00")
    }

    @Test func leapDayInAZoneWithDaylightSaving() throws {
        let fires = try Fixtures.next(
            "cron(30 2 29 2 ? *)",
            timeZone: "America/New_York",
            from: "2025-01-01T00:00:00Z",
            count: 2
        )
        #expect(fires == ["2028-02-29T02:30:00-05:00", "2032-02-29T02:30:00-05:00"])
    }
}
