// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

extension TriggerService {
    /// Starts workflows when model versions are registered, approved or
    /// rejected, resuming after the last change each trigger handled.
    func runRegistryTriggers() async {
        let registryTriggers = triggers.compactMap {
            trigger -> (TriggerDefinition, RegistryTrigger)? in
            if case .registry(let registry) = trigger.kind { return (trigger, registry) }
            return nil
        }
        guard !registryTriggers.isEmpty else { return }
        while !Task.isCancelled {
            for (trigger, registry) in registryTriggers {
                await poll(trigger, registry)
            }
            await pause(until: clock.now() + 1000)
        }
    }

    private func poll(_ trigger: TriggerDefinition, _ registry: RegistryTrigger) async {
        let state = try? store.triggerState(trigger.qualifiedName)
        let cursor = state?.lastDueAt ?? startedAt
        guard let changes = try? store.modelVersionsChanged(after: cursor, limit: 100) else {
            return
        }
        for version in changes {
            // A version made and approved between two looks yields both events.
            var events: [RegistryTrigger.Event] = []
            if version.createdAt > cursor { events.append(.registered) }
            if version.updatedAt > version.createdAt || version.createdAt <= cursor {
                switch version.status {
                case .approved: events.append(.approved)
                case .rejected: events.append(.rejected)
                case .pendingApproval: break
                }
            }
            for event in events {
                await handle(event, version, trigger, registry, isPaused: state?.isPaused ?? false)
            }
            // The cursor moves past changes the trigger does not fire for too.
            try? store.advanceTriggerCursor(trigger.qualifiedName, to: version.updatedAt, at: now)
        }
    }

    private func handle(
        _ event: RegistryTrigger.Event,
        _ version: ModelVersionRecord,
        _ trigger: TriggerDefinition,
        _ registry: RegistryTrigger,
        isPaused: Bool
    ) async {
        let details: JSONValue = [
            "trigger": .string(trigger.qualifiedName),
            "type": "registry",
            "event": .string(event.rawValue),
            "modelName": .string(version.name),
            "version": .number(JSONNumber(version.version)),
            "status": .string(version.status.rawValue),
            "artifactPath": .string(version.artifactPath),
            "artifactSHA256": .string(version.artifactSHA256),
            "metrics": version.metrics,
            "executionId": version.executionID.map(JSONValue.string) ?? .null,
        ]
        let wanted =
            registry.events.contains(event)
            && (registry.model == nil || registry.model == version.name)
        guard wanted else { return }
        if isPaused {
            record(trigger, .skippedPaused, details: details, dueAt: version.updatedAt)
        } else {
            await fire(trigger, details: details, dueAt: version.updatedAt)
        }
    }
}
