// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// An expression, the time zone its wall-clock times are read in, and what
/// to do when a daylight-saving change makes a wall-clock time vanish or
/// happen twice.
///
/// Defaults:
/// - The time zone is UTC.
/// - A local time that does not exist that day (clocks spring forward over
///   it) fires at the first instant after the gap: 02:30 in Europe/Berlin on
///   the last Sunday of March fires at 03:00 CEST. Set
///   `nonexistentTimePolicy` to `.skip` to drop that day's fire instead.
/// - A local time that happens twice (clocks fall back over it) fires once,
///   at its first occurrence (the one still on summer time). Set
///   `repeatedTimePolicy` to `.second` or `.both` to change that.
/// - Rate expressions count elapsed time from `start` and are not moved by
///   clock changes: `rate(1 day)` is every 24 hours.
///
/// Nothing here reads a clock: the caller says from when to look.
///
/// ```swift
/// let schedule = try Schedule(expression: "cron(30 2 * * ? *)", timeZone: "Europe/Berlin")
/// let fires = schedule.nextFireTimes(after: lastCheck, count: 3)
/// fires[0].instant        // the UTC instant to fire at
/// fires[0].adjustment     // .movedAfterGap on the spring-forward day
/// ```
public struct Schedule: Sendable, Hashable {
    public var expression: ScheduleExpression
    /// The zone whose wall clock cron fields are read on.
    public var timeZone: TimeZone
    /// What a cron time that does not exist on a day does; default `.afterGap`.
    public var nonexistentTimePolicy: NonexistentTimePolicy
    /// What a cron time that happens twice on a day does; default `.first`.
    public var repeatedTimePolicy: RepeatedTimePolicy
    /// For a rate expression, the instant it counts from: it fires at
    /// `start`, `start + interval`, `start + 2 × interval`, and so on; without
    /// one it counts from the `after` instant it is asked about. For a cron
    /// expression, no fire comes before it.
    public var start: Date?

    /// Creates a schedule from an expression already read.
    public init(
        expression: ScheduleExpression,
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .gmt,
        nonexistentTimePolicy: NonexistentTimePolicy = .afterGap,
        repeatedTimePolicy: RepeatedTimePolicy = .first,
        start: Date? = nil
    ) {
        self.expression = expression
        self.timeZone = timeZone
        self.nonexistentTimePolicy = nonexistentTimePolicy
        self.repeatedTimePolicy = repeatedTimePolicy
        self.start = start
    }

    /// Reads an expression and an IANA time zone name.
    ///
    /// - Throws: `ScheduleError`: `invalidExpression` for the expression,
    ///   `unknownTimeZone` for the zone.
    public init(
        expression: String,
        timeZone: String = "UTC",
        nonexistentTimePolicy: NonexistentTimePolicy = .afterGap,
        repeatedTimePolicy: RepeatedTimePolicy = .first,
        start: Date? = nil
    ) throws(ScheduleError) {
        self.init(
            expression: try ScheduleExpression(parsing: expression),
            timeZone: try TimeZone.schedule(named: timeZone),
            nonexistentTimePolicy: nonexistentTimePolicy,
            repeatedTimePolicy: repeatedTimePolicy,
            start: start
        )
    }
}
