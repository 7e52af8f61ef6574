// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnCrypto
import CairnDefinition
public import CairnInterpreter
public import CairnStorage
import Foundation

/// Writes executions into a `Store`: each interpreter step becomes one
/// transaction holding its events, the new checkpoint and the new status.
public struct StoreJournal: ExecutionJournal {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    public func begin(_ execution: NewExecution, step: InterpreterStep) throws {
        let definitionText = execution.definition.compactText
        let outcome = StoreJournal.outcome(of: step, at: execution.startedAt)
        let record = ExecutionRecord(
            id: execution.id,
            name: execution.name,
            workflowName: execution.workflowName,
            workflowFilePath: execution.workflowFile,
            definition: execution.definition,
            definitionSHA256: try hexDigest(of: Array(definitionText.utf8), using: .sha256),
            status: outcome.status,
            input: execution.input,
            output: outcome.output,
            error: outcome.error,
            cause: outcome.cause,
            startedAt: StoreJournal.date(execution.startedAt),
            stoppedAt: outcome.stoppedAt
        )
        try store.createExecution(
            record,
            events: step.events.map(StoreJournal.event),
            checkpoint: try StoreJournal.encode(step.checkpoint)
        )
    }

    public func record(executionID: String, step: InterpreterStep, at time: Int64) throws {
        let outcome = StoreJournal.outcome(of: step, at: time)
        try store.commit(ExecutionTransition(
            executionID: executionID,
            events: step.events.map(StoreJournal.event),
            checkpoint: try StoreJournal.encode(step.checkpoint),
            status: outcome.status,
            output: outcome.output,
            error: outcome.error,
            cause: outcome.cause,
            stoppedAt: outcome.stoppedAt
        ))
    }

    private struct Outcome {
        var status: ExecutionStatus = .running
        var output: JSONValue?
        var error: String?
        var cause: String?
        var stoppedAt: Date?
    }

    /// The execution's status and result fields after a step.
    private static func outcome(of step: InterpreterStep, at time: Int64) -> Outcome {
        var outcome = Outcome()
        switch step.checkpoint.status {
        case .running:
            return outcome
        case .succeeded(let output):
            outcome.status = .succeeded
            outcome.output = output.value
        case .failed(let failure), .timedOut(let failure), .aborted(let failure):
            let summary = ExecutionSummary.Status(step.checkpoint.status)
            outcome.status = ExecutionStatus(rawValue: summary.rawValue) ?? .failed
            outcome.error = failure.error.isEmpty ? nil : failure.error
            outcome.cause = failure.cause
        }
        outcome.stoppedAt = date(step.events.last?.timestamp ?? time)
        return outcome
    }

    // MARK: - Conversions

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
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

    /// The checkpoint as the JSON the store keeps.
    static func encode(_ checkpoint: Checkpoint) throws -> JSONValue {
        let data = try JSONEncoder().encode(checkpoint)
        return try JSONValue(parsing: String(decoding: data, as: UTF8.self), file: "<checkpoint>")
    }

    /// Reads a checkpoint back from the store's JSON.
    public static func decodeCheckpoint(_ value: JSONValue) throws -> Checkpoint {
        try JSONDecoder().decode(Checkpoint.self, from: Data(value.compactText.utf8))
    }
}
