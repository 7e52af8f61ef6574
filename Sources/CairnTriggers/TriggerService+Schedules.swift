// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

extension TriggerService {
    /// Fires schedules when they fall due, applying their catch-up and
    /// overlap policies.
    func runSchedules() async {
        let schedules = triggers.compactMap { trigger -> (TriggerDefinition, ScheduleTrigger)? in
            if case .schedule(let schedule) = trigger.kind { return (trigger, schedule) }
            return nil
        }
        guard !schedules.isEmpty else { return }
        while !Task.isCancelled {
            var nextDue = Int64.max
            for (trigger, schedule) in schedules {
                if let due = await handleDue(trigger, schedule) {
                    nextDue = min(nextDue, due)
                }
            }
            await pause(until: nextDue)
        }
    }

    /// Fires what is due for one schedule; returns when it is next due.
    private func handleDue(
        _ trigger: TriggerDefinition,
        _ schedule: ScheduleTrigger
    ) async
        -> Int64?
    {
        let state = try? store.triggerState(trigger.qualifiedName)
        let last = state?.lastDueAt ?? startedAt
        var plan = schedule.schedule
        // A rate counts from its start, else from when it was first seen.
        if plan.start == nil { plan.start = state?.lastDueAt ?? startedAt }
        let candidates = plan.nextFireTimes(after: last, count: schedule.maxCatchUp + 1)
        let current = now
        let due = candidates.filter { jittered($0.instant, schedule, trigger) <= current }
        guard !due.isEmpty else {
            return candidates.first.map { milliseconds(jittered($0.instant, schedule, trigger)) }
        }
        if state?.isPaused ?? false {
            for fire in due {
                record(
                    trigger,
                    .skippedPaused,
                    details: details(trigger, fire.instant),
                    dueAt: fire.instant
                )
            }
            return nil
        }
        for fire in fireable(due, schedule, trigger) {
            let running =
                (try? store.executionIDs(
                    trigger: trigger.qualifiedName,
                    status: .running
                )) ?? []
            switch (schedule.overlap, running.isEmpty) {
            case (_, true), (.allow, _):
                await self.fire(
                    trigger,
                    details: details(trigger, fire.instant),
                    dueAt: fire.instant
                )
            case (.skip, false):
                record(
                    trigger,
                    .skippedOverlap,
                    details: details(trigger, fire.instant),
                    dueAt: fire.instant
                )
            case (.queue, false):
                // Held back: tried again when the running execution has ended.
                return nil
            }
        }
        return nil
    }

    /// The due fires to run after a gap, by the catch-up policy; the others
    /// are recorded as skipped.
    private func fireable(
        _ due: [ScheduledFire],
        _ schedule: ScheduleTrigger,
        _ trigger: TriggerDefinition
    ) -> [ScheduledFire] {
        guard due.count > 1 else { return due }
        let kept: [ScheduledFire] =
            switch schedule.catchUp {
            case .all: Array(due.prefix(schedule.maxCatchUp))
            case .latest: due.last.map { [$0] } ?? []
            case .none: []
            }
        let keptInstants = Set(kept.map(\.instant))
        for fire in due where !keptInstants.contains(fire.instant) {
            record(
                trigger,
                .skippedCatchUp,
                details: details(trigger, fire.instant),
                dueAt: fire.instant
            )
        }
        log(
            "schedule caught up after downtime",
            [
                "cairn.trigger": trigger.qualifiedName, "cairn.missed": String(due.count),
                "cairn.policy": schedule.catchUp.rawValue,
            ]
        )
        return kept
    }

    /// The fire time moved by the schedule's jitter; the same for every
    /// process, so a restart does not change it.
    private func jittered(
        _ instant: Date,
        _ schedule: ScheduleTrigger,
        _ trigger: TriggerDefinition
    ) -> Date {
        guard schedule.jitterSeconds > 0 else { return instant }
        var hasher = FNV1a()
        hasher.add(trigger.qualifiedName)
        hasher.add(String(milliseconds(instant)))
        let offset = Double(hasher.value % UInt64(schedule.jitterSeconds * 1000)) / 1000
        return instant.addingTimeInterval(offset)
    }

    private func details(_ trigger: TriggerDefinition, _ instant: Date) -> JSONValue {
        [
            "trigger": .string(trigger.qualifiedName),
            "type": "schedule",
            "scheduledTime": .string(ScheduleTimestamp.utc(instant)),
            "firedAt": .string(ScheduleTimestamp.utc(now)),
        ]
    }

    func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

/// A small stable hash (FNV-1a) for deterministic jitter.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01B3
        }
    }
}
