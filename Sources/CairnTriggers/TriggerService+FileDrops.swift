// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

/// Answers the watcher's "has this content fired?" from the store.
struct StoreFileDropLedger: FileDropLedger {
    let store: any Store

    func hasFired(trigger: String, fingerprint: FileDropFingerprint) throws -> Bool {
        try store.hasFileDropFired(trigger: trigger, path: fingerprint.path,
                                   sha256: fingerprint.sha256)
    }
}

extension TriggerService {
    /// Watches one folder and starts the workflow once per complete file content.
    func watch(_ trigger: TriggerDefinition, _ fileDrop: FileDropTrigger) async {
        let configuration = fileDrop.configuration
        let archiver = configuration.isArchiving ? FileDropArchiver(configuration: configuration)
            : nil
        if let archiver { resumeArchive(archiver, trigger) }
        let watcher: FileDropWatcher
        do {
            watcher = try FileDropWatcher(
                configuration: configuration,
                ledger: StoreFileDropLedger(store: store)
            )
        } catch {
            log("file trigger cannot watch its folder", [
                "cairn.trigger": trigger.qualifiedName, "cairn.error": "\(error)",
            ])
            return
        }
        if let reason = watcher.fallbackReason {
            log("file trigger polls instead of using inotify", [
                "cairn.trigger": trigger.qualifiedName, "cairn.reason": reason,
            ])
        }
        do {
            for try await candidate in watcher.candidates() {
                if Task.isCancelled { break }
                await handle(candidate, trigger, archiver)
            }
        } catch {
            log("file trigger stopped watching", [
                "cairn.trigger": trigger.qualifiedName, "cairn.error": "\(error)",
            ])
        }
        watcher.stop()
    }

    private func handle(
        _ candidate: FileDropCandidate,
        _ trigger: TriggerDefinition,
        _ archiver: FileDropArchiver?
    ) async {
        let fingerprint = candidate.fingerprint
        var details: JSONValue = [
            "trigger": .string(trigger.qualifiedName),
            "type": "file",
            "path": .string(candidate.path),
            "name": .string(URL(fileURLWithPath: candidate.path).lastPathComponent),
            "relativePath": .string(candidate.relativePath),
            "size": .number(JSONNumber(fingerprint.size)),
            "sha256": .string(fingerprint.sha256),
            "modifiedAt": .string(ScheduleTimestamp.utc(fingerprint.modificationDate)),
            "completion": .string(candidate.completionRule.rawValue),
        ]
        if isPaused(trigger) {
            record(trigger, .skippedPaused, details: details)
            return
        }
        var claimedPath: String?
        if let archiver {
            do {
                let claimed = try archiver.claim(candidate)
                claimedPath = claimed
                details["path"] = .string(claimed)
                details["claimedPath"] = .string(claimed)
            } catch {
                log("cannot move a dropped file into processing/", [
                    "cairn.trigger": trigger.qualifiedName, "cairn.error": "\(error)",
                ])
                return
            }
        }
        let drop = FileDropRecord(
            triggerName: trigger.qualifiedName,
            path: fingerprint.path,
            sha256: fingerprint.sha256,
            size: fingerprint.size,
            modifiedAt: fingerprint.modificationDate
        )
        let record = await fire(trigger, details: details, fileDrop: drop)
        guard let claimedPath, let archiver else { return }
        if let record {
            archived[record.id] = (claimedPath, archiver)
        } else {
            _ = try? archiver.finish(claimedPath: claimedPath, succeeded: false)
        }
    }

    /// After a restart, picks up files left in `processing/`: those whose
    /// execution ended are filed, those still running are followed, and those
    /// no execution took go back to be offered again.
    private func resumeArchive(_ archiver: FileDropArchiver, _ trigger: TriggerDefinition) {
        guard let claimed = try? archiver.claimedFiles(), !claimed.isEmpty else { return }
        let fires = (try? store.triggerFires(trigger.qualifiedName, limit: 10_000)) ?? []
        for path in claimed {
            let fire = fires.first { $0.detail["claimedPath"]?.stringValue == path }
            guard let executionID = fire?.executionID else {
                _ = try? archiver.release(claimedPath: path)
                continue
            }
            archived[executionID] = (path, archiver)
        }
    }

    /// Files archived drops into `done/` or `failed/` as their executions end.
    func finishArchivedDrops() async {
        while !Task.isCancelled {
            for (executionID, entry) in archived {
                guard let record = try? store.execution(id: executionID),
                    record.status.isTerminal
                else { continue }
                _ = try? entry.archiver.finish(
                    claimedPath: entry.path,
                    succeeded: record.status == .succeeded
                )
                archived[executionID] = nil
            }
            await pause(until: clock.now() + 1000)
        }
    }
}
