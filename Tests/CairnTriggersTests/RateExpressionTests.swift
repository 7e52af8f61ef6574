// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Testing

/// Rate expressions: singular and plural units, and fires counted from the
/// schedule's start in elapsed time.
@Suite struct RateExpressionTests {
    @Test(arguments: [
        ("rate(1 minute)", 60), ("rate(5 minutes)", 300), ("rate(1 hour)", 3600),
        ("rate(12 hours)", 43_200), ("rate(1 day)", 86_400), ("rate(7 days)", 604_800),
    ])
    func unitsHaveTheirLength(_ text: String, _ seconds: Int) throws {
        guard case .rate(let rate) = try ScheduleExpression(parsing: text) else {
            Issue.record("not a rate expression")
            return
        }
        #expect(rate.intervalSeconds == seconds)
    }

    @Test func firesCountFromTheStart() throws {
        let fires = try ScheduleFixtures.next(
            "rate(5 minutes)",
            from: "2025-01-01T00:07:00Z",
            count: 3,
            start: "2025-01-01T00:00:00Z"
        )
        #expect(fires == ["2025-01-01T00:10:00Z", "2025-01-01T00:15:00Z", "2025-01-01T00:20:00Z"])
    }

    @Test func theStartItselfIsTheFirstFire() throws {
        let fires = try ScheduleFixtures.next(
            "rate(5 minutes)",
            from: "2024-12-31T00:00:00Z",
            count: 2,
            start: "2025-01-01T00:00:00Z"
        )
        #expect(fires == ["2025-01-01T00:00:00Z", "2025-01-01T00:05:00Z"])
    }

    @Test func withoutAStartItCountsFromTheInstantAsked() throws {
        let fires = try ScheduleFixtures.next(
            "rate(1 hour)",
            from: "2025-01-01T00:07:30Z",
            count: 2
        )
        #expect(fires == ["2025-01-01T01:07:30Z", "2025-01-01T02:07:30Z"])
    }

    @Test func aDayIsTwentyFourHoursAcrossAClockChange() throws {
        let fires = try ScheduleFixtures.fires(
            "rate(1 day)",
            timeZone: "Europe/Berlin",
            from: "2025-03-29T01:00:00Z",
            count: 2,
            start: "2025-03-29T01:00:00Z"
        )
        #expect(
            fires.map(ScheduleFixtures.text) == [
                "2025-03-30T03:00:00+02:00", "2025-03-31T03:00:00+02:00",
            ]
        )
        #expect(fires.allSatisfy { $0.adjustment == .none })
    }
}
