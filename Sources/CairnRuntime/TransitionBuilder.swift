// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnCrypto
import CairnDefinition
import CairnInterpreter
import CairnStorage
import Foundation

/// Turns interpreter steps into what the store commits: events, the encoded
/// checkpoint, the execution's new status, and the work the step asked for.
enum TransitionBuilder {
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func event(_ entry: HistoryEntry) -> HistoryEvent {
        HistoryEvent(
            id: entry.id,
            previousEventID: entry.previousEventID,
            timestamp: date(entry.timestamp),
            type: HistoryEventType(rawValue: entry.type),
            details: entry.details
        )
    }

    static func encode(_ checkpoint: Checkpoint) throws -> JSONValue {
        let data = try JSONEncoder().encode(checkpoint)
        return try JSONValue(parsing: String(decoding: data, as: UTF8.self), file: "<checkpoint>")
    }

    static func decodeCheckpoint(_ value: JSONValue) throws -> Checkpoint {
        try JSONDecoder().decode(Checkpoint.self, from: Data(value.compactText.utf8))
    }

    static func encode(_ request: TaskRequest) throws -> JSONValue {
        let data = try JSONEncoder().encode(request)
        return try JSONValue(parsing: String(decoding: data, as: UTF8.self), file: "<task>")
    }

    static func decodeRequest(_ value: JSONValue) throws -> TaskRequest {
        try JSONDecoder().decode(TaskRequest.self, from: Data(value.compactText.utf8))
    }

    static func definitionHash(_ definition: JSONValue) -> String {
        (try? hexDigest(of: Array(definition.compactText.utf8), using: .sha256)) ?? ""
    }

    /// The status, result fields and stop time an execution has after a step.
    struct Outcome {
        var status: ExecutionStatus = .running
        var output: JSONValue?
        var error: String?
        var cause: String?
        var stoppedAt: Date?
    }

    static func outcome(of checkpoint: Checkpoint, stoppedAt time: Int64) -> Outcome {
        var outcome = Outcome()
        switch checkpoint.status {
        case .running:
            return outcome
        case .succeeded(let output):
            outcome.status = .succeeded
            outcome.output = output.value
        case .failed(let failure):
            outcome.status = .failed
            outcome.error = failure.error.isEmpty ? nil : failure.error
            outcome.cause = failure.cause
        case .timedOut(let failure):
            outcome.status = .timedOut
            outcome.error = failure.error.isEmpty ? nil : failure.error
            outcome.cause = failure.cause
        case .aborted(let failure):
            outcome.status = .aborted
            outcome.error = failure.error.isEmpty ? nil : failure.error
            outcome.cause = failure.cause
        }
        outcome.stoppedAt = date(time)
        return outcome
    }

    /// The work items a step's commands add, and the ids of those they cancel.
    ///
    /// - Parameter claimedBy: When set, new task items are leased to this owner
    ///   at once, because it is about to run them.
    static func work(
        of commands: [InterpreterCommand],
        executionID: String,
        now: Int64,
        claimedBy owner: String?,
        leaseUntil expiry: Int64
    ) throws -> (added: [WorkItem], removed: [String]) {
        var added: [WorkItem] = []
        var removed: [String] = []
        for command in commands {
            switch command {
            case .runTask(let request):
                added.append(WorkItem(
                    executionID: executionID,
                    itemID: request.taskID,
                    kind: .task,
                    dueAt: date(now),
                    payload: try encode(request),
                    token: request.token,
                    leases: owner == nil ? 0 : 1,
                    leaseOwner: owner,
                    leaseExpiresAt: owner == nil ? nil : date(expiry)
                ))
            case .startTimer(let id, let fireAt):
                added.append(WorkItem(
                    executionID: executionID, itemID: id, kind: .timer, dueAt: date(fireAt)
                ))
            case .cancelTask(let taskID):
                removed.append(taskID)
            case .cancelTimer(let id):
                removed.append(id)
            }
        }
        // An item added and cancelled in the same step never reaches the store.
        let cancelled = Set(removed)
        return (added.filter { !cancelled.contains($0.itemID) }, removed)
    }
}
