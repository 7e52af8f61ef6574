// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Foundation
import Testing

/// Civil calendar arithmetic against Foundation's Gregorian calendar, and
/// wall-clock resolution in a zone.
@Suite struct LocalTimeTests {
    @Test func civilDatesAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try TimeZone.schedule(named: "UTC")
        // From 1600 (after the Gregorian reform Foundation switches at) to 2600.
        for days in stride(from: -135_000, through: 230_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let local = LocalTime(naiveSeconds: days * 86_400)
            #expect(
                local.year == parts.year && local.month == parts.month && local.day == parts.day
            )
            #expect(local.weekday + 1 == parts.weekday)
            #expect(local.daysSinceEpoch == days)
        }
    }

    @Test func monthLengths() {
        #expect(LocalTime.daysInMonth(year: 2024, month: 2) == 29)
        #expect(LocalTime.daysInMonth(year: 2100, month: 2) == 28)
        #expect(LocalTime.daysInMonth(year: 2000, month: 2) == 29)
        #expect(LocalTime.daysInMonth(year: 2025, month: 4) == 30)
        #expect(LocalTime.daysInMonth(year: 2025, month: 12) == 31)
    }

    @Test func resolvesGapsAndOverlaps() throws {
        let berlin = try TimeZone.schedule(named: "Europe/Berlin")
        let gap = LocalTimeResolution.resolve(
            LocalTime(year: 2025, month: 3, day: 30, hour: 2, minute: 30),
            in: berlin
        )
        #expect(gap == .skipped(gapEnd: ScheduleFixtures.date("2025-03-30T01:00:00Z")))
        let overlap = LocalTimeResolution.resolve(
            LocalTime(year: 2025, month: 10, day: 26, hour: 2, minute: 30),
            in: berlin
        )
        #expect(
            overlap
                == .repeated(
                    first: ScheduleFixtures.date("2025-10-26T00:30:00Z"),
                    second: ScheduleFixtures.date("2025-10-26T01:30:00Z")
                )
        )
        let plain = LocalTimeResolution.resolve(
            LocalTime(year: 2025, month: 7, day: 1, hour: 12),
            in: berlin
        )
        #expect(plain == .unique(ScheduleFixtures.date("2025-07-01T10:00:00Z")))
    }
}
