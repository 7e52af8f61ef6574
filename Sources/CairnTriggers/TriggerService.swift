// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
public import CairnRuntime
public import CairnStorage
import Foundation

/// Starts workflows from their triggers while `cairn serve` runs: schedules,
/// dropped files and model registry events.
///
/// Every fire is stored with the execution it starts in one transaction, so
/// a restart neither misses nor repeats one: schedules resume after the last
/// due time they handled, a file content fires once, and registry events
/// resume after the last change they saw.
public actor TriggerService {
    let engine: Engine
    let store: any Store
    let clock: RuntimeClock
    let triggers: [TriggerDefinition]
    let log: @Sendable (String, [String: String]) -> Void
    /// When the service started; schedules that never fired count from here.
    let startedAt: Date
    /// Archived drops whose execution has not ended: execution id to claimed path.
    var archived: [String: (path: String, archiver: FileDropArchiver)] = [:]

    public init(
        engine: Engine,
        store: any Store,
        triggers: [TriggerDefinition],
        clock: RuntimeClock,
        log: @escaping @Sendable (String, [String: String]) -> Void
    ) {
        self.engine = engine
        self.store = store
        self.triggers = triggers.filter(\.isEnabled)
        self.clock = clock
        self.log = log
        self.startedAt = TriggerService.date(clock.now())
    }

    /// Runs every trigger until the calling task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.runSchedules() }
            group.addTask { await self.runRegistryTriggers() }
            group.addTask { await self.finishArchivedDrops() }
            for trigger in triggers {
                guard case .file(let fileDrop) = trigger.kind else { continue }
                group.addTask { await self.watch(trigger, fileDrop) }
            }
        }
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    var now: Date { TriggerService.date(clock.now()) }

    // MARK: - Starting executions

    /// The execution input of a fire: the trigger's `input` template applied
    /// to the fire's details, or the details themselves.
    func input(for trigger: TriggerDefinition, details: JSONValue) throws -> JSONValue {
        guard let template = trigger.input else { return details }
        let compiled = try PayloadTemplate(compiling: template)
        let scope = EvaluationScope(
            input: details,
            context: .object(JSONObject()),
            variables: [:],
            random: .system
        )
        return try scope.evaluate(compiled, field: "input")
    }

    /// Starts the trigger's workflow for a fire and records it.
    @discardableResult
    func fire(
        _ trigger: TriggerDefinition,
        details: JSONValue,
        dueAt: Date? = nil,
        fileDrop: FileDropRecord? = nil
    ) async -> ExecutionRecord? {
        let fire = TriggerFire(
            triggerName: trigger.qualifiedName,
            firedAt: now,
            dueAt: dueAt,
            outcome: .started,
            detail: details
        )
        do {
            let input = try input(for: trigger, details: details)
            guard let record = try await engine.startTriggered(
                trigger.workflow, input: input, fire: fire, fileDrop: fileDrop
            ) else {
                record(trigger, .duplicate, details: details, dueAt: dueAt)
                return nil
            }
            log("trigger fired", [
                "cairn.trigger": trigger.qualifiedName, "cairn.execution.id": record.id,
            ])
            return record
        } catch {
            var detail = details
            detail["error"] = .string("\(error)")
            record(trigger, .failed, details: detail, dueAt: dueAt)
            log("trigger could not start its workflow", [
                "cairn.trigger": trigger.qualifiedName, "cairn.error": "\(error)",
            ])
            return nil
        }
    }

    /// Records a fire that started nothing, with the reason.
    func record(
        _ trigger: TriggerDefinition,
        _ outcome: TriggerFire.Outcome,
        details: JSONValue,
        dueAt: Date? = nil
    ) {
        let fire = TriggerFire(
            triggerName: trigger.qualifiedName,
            firedAt: now,
            dueAt: dueAt,
            outcome: outcome,
            detail: details
        )
        do {
            _ = try store.recordTriggerFire(fire, execution: nil, fileDrop: nil)
        } catch {
            log("cannot record a trigger fire", [
                "cairn.trigger": trigger.qualifiedName, "cairn.error": "\(error)",
            ])
        }
    }

    func isPaused(_ trigger: TriggerDefinition) -> Bool {
        (try? store.triggerState(trigger.qualifiedName)?.isPaused) ?? false
    }

    /// Sleeps until `deadline` (epoch milliseconds) or one second, whichever
    /// comes first, so pauses and new work are noticed.
    func pause(until deadline: Int64) async {
        let wake = min(deadline, clock.now() + 1000)
        try? await clock.sleepUntil(wake)
    }
}
