// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Where the runtime gets the time and how it waits, so tests can pin both.
public struct RuntimeClock: Sendable {
    /// The current time in milliseconds since the epoch.
    public var now: @Sendable () -> Int64
    /// Suspends until the given time; throws when the task is cancelled.
    public var sleepUntil: @Sendable (Int64) async throws -> Void

    public init(
        now: @escaping @Sendable () -> Int64,
        sleepUntil: @escaping @Sendable (Int64) async throws -> Void
    ) {
        self.now = now
        self.sleepUntil = sleepUntil
    }

    /// The wall clock.
    public static let system = RuntimeClock(
        now: { Int64((Date().timeIntervalSince1970 * 1000).rounded()) },
        sleepUntil: { deadline in
            let remaining = deadline - Int64((Date().timeIntervalSince1970 * 1000).rounded())
            if remaining > 0 { try await Task.sleep(for: .milliseconds(remaining)) }
        }
    )
}
