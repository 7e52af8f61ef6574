// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension ScheduledFire {
    /// How a clock change affected a fire; the raw values appear in
    /// `cairn schedule next --json`.
    public enum Adjustment: String, Sendable, Hashable, CaseIterable {
        /// The local time happened once, as usual.
        case none
        /// The local time did not exist; the fire moved to the end of the gap.
        case movedAfterGap = "moved-after-gap"
        /// The local time happened twice; this is the first occurrence.
        case firstOccurrence = "first-occurrence"
        /// The local time happened twice; this is the second occurrence.
        case secondOccurrence = "second-occurrence"
    }
}
