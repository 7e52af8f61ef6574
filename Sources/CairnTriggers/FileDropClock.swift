// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// Where a file-drop watcher reads the time that settle periods and poll
/// intervals are measured in, so tests can pin it.
///
/// The time is a `Duration` since an arbitrary fixed origin; only
/// differences between readings matter, so a monotonic clock is right.
///
/// ```swift
/// let watcher = try FileDropWatcher(configuration: settings, ledger: ledger, clock: .system)
/// ```
public struct FileDropClock: Sendable {
    /// The current time since the clock's origin.
    public var now: @Sendable () -> Duration

    /// A clock that reads `now`.
    ///
    /// - Parameter now: Returns the time since a fixed origin; it must never go back.
    public init(now: @escaping @Sendable () -> Duration) {
        self.now = now
    }

    /// `CLOCK_MONOTONIC`, which wall-clock changes do not move.
    public static let system = FileDropClock {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
}
