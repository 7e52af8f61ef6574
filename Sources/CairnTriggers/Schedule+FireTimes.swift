// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

extension Schedule {
    /// How many years a classic cron expression is searched for its next
    /// fire: one full Gregorian cycle, after which the calendar repeats, so
    /// an expression with no fire in it (`0 0 30 2 *`) never fires.
    static let classicSearchYears = 400

    /// The next `count` fires strictly after `after`, in time order.
    ///
    /// Returns fewer when the expression runs out: an EventBridge year field
    /// that ends, or a date that never comes (`cron(0 0 30 2 ? *)`).
    ///
    /// - Parameters:
    ///   - after: The instant to look from; it is not itself a fire.
    ///   - count: How many fires to return; 0 or less returns none.
    public func nextFireTimes(after: Date, count: Int) -> [ScheduledFire] {
        guard count > 0 else { return [] }
        switch expression {
        case .rate(let rate): return rateFires(rate, after: after, count: count)
        case .cron(let cron): return cronFires(cron, after: after, count: count)
        }
    }

    // MARK: - Rate

    private func rateFires(_ rate: RateExpression, after: Date, count: Int) -> [ScheduledFire] {
        let anchor = start ?? after
        let interval = TimeInterval(rate.intervalSeconds)
        let elapsed = after.timeIntervalSince(anchor)
        let firstIndex = elapsed < 0 ? 0 : (elapsed / interval).rounded(.down) + 1
        return (0..<count).map { index in
            let instant = anchor.addingTimeInterval((firstIndex + Double(index)) * interval)
            let offset = timeZone.secondsFromGMT(for: instant)
            let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
            let local = LocalTime(naiveSeconds: seconds + offset)
            return ScheduledFire(
                instant: instant,
                scheduledTime: local,
                localTime: local,
                utcOffsetSeconds: offset
            )
        }
    }

    // MARK: - Cron

    private func cronFires(_ cron: CronExpression, after: Date, count: Int) -> [ScheduledFire] {
        // Start a day early: the local date of `after` can be ambiguous
        // around a clock change, and fires before `after` are dropped anyway.
        let afterSeconds = Int(after.timeIntervalSince1970.rounded(.down))
        let afterLocal = LocalTime(
            naiveSeconds: afterSeconds + timeZone.secondsFromGMT(for: after)
        )
        var day = afterLocal.daysSinceEpoch - 1
        let lastYear = cron.lastYear ?? afterLocal.year + Self.classicSearchYears
        var fires: [ScheduledFire] = []
        while fires.count < count {
            let (year, month, date) = LocalTime.civil(fromDays: day)
            if year > lastYear { break }
            if !cron.matches(year: year) {
                day = LocalTime.days(year: year + 1, month: 1, day: 1)
                continue
            }
            if !cron.matches(month: month) {
                day =
                    month == 12
                    ? LocalTime.days(year: year + 1, month: 1, day: 1)
                    : LocalTime.days(year: year, month: month + 1, day: 1)
                continue
            }
            if cron.matches(year: year, month: month, day: date) {
                let candidates = dayFires(of: cron, year: year, month: month, day: date)
                    .filter { $0.instant > after && $0.instant >= (start ?? .distantPast) }
                fires.append(contentsOf: candidates.prefix(count - fires.count))
            }
            day += 1
        }
        return fires
    }

    /// Every fire of one local date, in time order, with the clock-change
    /// policies applied and fires that land on the same instant merged.
    private func dayFires(
        of cron: CronExpression,
        year: Int,
        month: Int,
        day: Int
    ) -> [ScheduledFire] {
        var fires: [ScheduledFire] = []
        for hour in cron.matchingHours {
            for minute in cron.matchingMinutes {
                let wall = LocalTime(year: year, month: month, day: day, hour: hour, minute: minute)
                fires.append(contentsOf: resolve(wall))
            }
        }
        // With `.both`, 01:30 second occurrence comes after 01:45 first
        // occurrence, so wall order is not time order.
        let ordered = fires.enumerated().sorted { lhs, rhs in
            (lhs.element.instant, lhs.offset) < (rhs.element.instant, rhs.offset)
        }.map(\.element)
        var merged: [ScheduledFire] = []
        for fire in ordered where merged.last?.instant != fire.instant {
            merged.append(fire)
        }
        return merged
    }

    /// The fires one wall-clock time stands for under this schedule's policies.
    private func resolve(_ wall: LocalTime) -> [ScheduledFire] {
        func fire(_ instant: Date, _ adjustment: ScheduledFire.Adjustment) -> ScheduledFire {
            let offset = timeZone.secondsFromGMT(for: instant)
            let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
            return ScheduledFire(
                instant: instant,
                scheduledTime: wall,
                localTime: LocalTime(naiveSeconds: seconds + offset),
                utcOffsetSeconds: offset,
                adjustment: adjustment
            )
        }
        switch LocalTimeResolution.resolve(wall, in: timeZone) {
        case .unique(let instant):
            return [fire(instant, .none)]
        case .repeated(let first, let second):
            switch repeatedTimePolicy {
            case .first: return [fire(first, .firstOccurrence)]
            case .second: return [fire(second, .secondOccurrence)]
            case .both: return [fire(first, .firstOccurrence), fire(second, .secondOccurrence)]
            }
        case .skipped(let gapEnd):
            switch nonexistentTimePolicy {
            case .afterGap: return [fire(gapEnd, .movedAfterGap)]
            case .skip: return []
            }
        }
    }
}
