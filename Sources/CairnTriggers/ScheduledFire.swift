// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// One instant a schedule fires at, with the local time it stands for.
public struct ScheduledFire: Sendable, Hashable {
    /// When to fire.
    public var instant: Date
    /// The wall-clock time the expression named; for a rate expression, the
    /// local time of `instant`.
    public var scheduledTime: LocalTime
    /// The wall-clock time at `instant`; differs from `scheduledTime` only
    /// when a gap moved the fire.
    public var localTime: LocalTime
    /// The zone's offset from UTC at `instant`, in seconds (7200 for CEST).
    public var utcOffsetSeconds: Int
    /// Whether and how a clock change affected this fire.
    public var adjustment: Adjustment

    public init(
        instant: Date,
        scheduledTime: LocalTime,
        localTime: LocalTime,
        utcOffsetSeconds: Int,
        adjustment: Adjustment = .none
    ) {
        self.instant = instant
        self.scheduledTime = scheduledTime
        self.localTime = localTime
        self.utcOffsetSeconds = utcOffsetSeconds
        self.adjustment = adjustment
    }
}
