// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Schedule {
    /// What to do with a fire whose local time does not exist that day,
    /// because clocks spring forward over it.
    public enum NonexistentTimePolicy: String, Sendable, Hashable, CaseIterable {
        /// Fire at the first instant after the gap: 02:30 becomes 03:00 when
        /// clocks jump from 02:00 to 03:00. The default, so that a nightly
        /// job still runs that night. Several fires in one gap become one.
        case afterGap = "after-gap"
        /// Do not fire that day.
        case skip
    }
}
