// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnInterpreter

/// Where the runtime writes what executions do: one call per transition, each
/// atomic, so that a crash leaves either all of a transition or none of it.
public protocol ExecutionJournal: Sendable {
    /// Stores a new execution with its first events and checkpoint.
    func begin(_ execution: NewExecution, step: InterpreterStep) throws
    /// Appends a step's events and replaces the execution's checkpoint.
    func record(executionID: String, step: InterpreterStep, at time: Int64) throws
}

/// What the store needs to know about an execution when it starts.
public struct NewExecution: Sendable {
    public var id: String
    public var name: String
    public var workflowName: String
    public var workflowFile: String
    /// The pinned definition, as bare ASL JSON.
    public var definition: JSONValue
    public var input: JSONValue
    /// Milliseconds since the epoch.
    public var startedAt: Int64

    public init(
        id: String,
        name: String,
        workflowName: String,
        workflowFile: String,
        definition: JSONValue,
        input: JSONValue,
        startedAt: Int64
    ) {
        self.id = id
        self.name = name
        self.workflowName = workflowName
        self.workflowFile = workflowFile
        self.definition = definition
        self.input = input
        self.startedAt = startedAt
    }
}

/// How an execution ended, in the shape of `cairn run --json`.
public struct ExecutionSummary: Sendable {
    public enum Status: String, Sendable {
        case running = "RUNNING"
        case succeeded = "SUCCEEDED"
        case failed = "FAILED"
        case timedOut = "TIMED_OUT"
        case aborted = "ABORTED"
    }

    public var executionID: String
    public var workflow: String
    public var status: Status
    public var startedAt: Int64
    public var stoppedAt: Int64?
    public var input: JSONValue
    public var output: JSONValue?
    public var error: String?
    public var cause: String?
}

extension ExecutionSummary.Status {
    /// The status a checkpoint stands for.
    public init(_ status: Checkpoint.Status) {
        switch status {
        case .running: self = .running
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        case .timedOut: self = .timedOut
        case .aborted: self = .aborted
        }
    }
}
