// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Foundation

/// Shared helpers for the schedule tests: fire times as RFC 3339 text with
/// the zone's offset, which shows the local time and the UTC instant at once.
enum ScheduleFixtures {
    static func date(_ text: String) -> Date {
        guard let date = ScheduleTimestamp.parse(text) else {
            fatalError("bad test timestamp \(text)")
        }
        return date
    }

    static func fires(
        _ expression: String,
        timeZone: String = "UTC",
        from: String,
        count: Int,
        nonexistent: Schedule.NonexistentTimePolicy = .afterGap,
        repeated: Schedule.RepeatedTimePolicy = .first,
        start: String? = nil
    ) throws -> [ScheduledFire] {
        let schedule = try Schedule(
            expression: expression,
            timeZone: timeZone,
            nonexistentTimePolicy: nonexistent,
            repeatedTimePolicy: repeated,
            start: start.map(date)
        )
        return schedule.nextFireTimes(after: date(from), count: count)
    }

    /// The fires as `2025-03-30T03:00:00+02:00`.
    static func next(
        _ expression: String,
        timeZone: String = "UTC",
        from: String,
        count: Int,
        nonexistent: Schedule.NonexistentTimePolicy = .afterGap,
        repeated: Schedule.RepeatedTimePolicy = .first,
        start: String? = nil
    ) throws -> [String] {
        try fires(
            expression,
            timeZone: timeZone,
            from: from,
            count: count,
            nonexistent: nonexistent,
            repeated: repeated,
            start: start
        ).map(text)
    }

    static func text(_ fire: ScheduledFire) -> String {
        ScheduleTimestamp.local(fire.instant, utcOffsetSeconds: fire.utcOffsetSeconds)
    }

    /// The local dates only, `2025-01-31`, for day-rule tests at one time of day.
    static func days(_ expression: String, from: String, count: Int) throws -> [String] {
        try next(expression, from: from, count: count).map { String($0.prefix(10)) }
    }
}
