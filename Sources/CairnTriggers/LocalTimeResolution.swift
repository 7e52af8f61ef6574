// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The real instants at which a wall-clock time happens in a time zone.
///
/// Most local times happen once. When clocks spring forward a stretch of
/// local times never happens (a gap); when they fall back a stretch happens
/// twice (an overlap).
public enum LocalTimeResolution: Sendable, Hashable {
    /// The local time happens exactly once.
    case unique(Date)
    /// The local time happens twice, at `first` and an offset change later at
    /// `second`.
    case repeated(first: Date, second: Date)
    /// The local time does not exist; `gapEnd` is the first instant after
    /// the gap (the transition itself), whose local time is the end of the gap.
    case skipped(gapEnd: Date)

    /// Finds when `local` happens in `timeZone`.
    ///
    /// Uses only `TimeZone.secondsFromGMT(for:)`, so any offset change in the
    /// tz database counts, not just daylight-saving ones: a zone moving its
    /// standard offset, or Pacific/Apia skipping 2011-12-30 entirely.
    public static func resolve(_ local: LocalTime, in timeZone: TimeZone) -> LocalTimeResolution {
        let wall = local.naiveSeconds
        let offsets = Set([wall - 86_400, wall, wall + 86_400].map { offset(at: $0, timeZone) })
        let instants = offsets.map { wall - $0 }
            .filter { offset(at: $0, timeZone) == wall - $0 }
            .sorted()
        if let first = instants.first, let last = instants.last {
            return first == last
                ? .unique(date(first))
                : .repeated(first: date(first), second: date(last))
        }
        return .skipped(gapEnd: date(gapEnd(wall: wall, timeZone)))
    }

    /// The offset from UTC, in seconds, in force at an instant.
    static func offset(at seconds: Int, _ timeZone: TimeZone) -> Int {
        timeZone.secondsFromGMT(for: date(seconds))
    }

    /// The first instant whose local time is at or past `wall`: the moment
    /// the clocks jumped over it.
    private static func gapEnd(wall: Int, _ timeZone: TimeZone) -> Int {
        // `wall` minus the larger offset is before the jump and minus the
        // smaller one is after it; bisect between them to the second.
        let before = offset(at: wall - 86_400, timeZone)
        let after = offset(at: wall + 86_400, timeZone)
        var low = wall - max(before, after)
        var high = wall - min(before, after)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if middle + offset(at: middle, timeZone) >= wall {
                high = middle
            } else {
                low = middle
            }
        }
        return high
    }

    private static func date(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
