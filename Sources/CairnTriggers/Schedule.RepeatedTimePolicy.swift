// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Schedule {
    /// What to do with a fire whose local time happens twice that day,
    /// because clocks fall back over it.
    public enum RepeatedTimePolicy: String, Sendable, Hashable, CaseIterable {
        /// Fire once, at the first occurrence (still on summer time). The
        /// default, so that a nightly job runs once a night.
        case first
        /// Fire once, at the second occurrence (already on standard time).
        case second
        /// Fire at both occurrences.
        case both
    }
}
