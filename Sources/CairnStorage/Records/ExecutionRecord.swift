// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// One execution of a workflow as the store keeps it: what started it, the definition it is
/// pinned to, and how it ended.
///
/// Times are kept to the millisecond; a `Date` with finer detail reads back rounded to the
/// nearest millisecond.
///
/// ```swift
/// let record = ExecutionRecord(
///     id: "0b6d7c1e-...",
///     name: "nightly-2025-01-01",
///     workflowName: "model-training-pipeline",
///     workflowFilePath: "/srv/flows/model-training-pipeline.yaml",
///     definition: definition,
///     definitionSHA256: digest,
///     input: ["dataset": "s3://bucket/day.csv"],
///     startedAt: now
/// )
/// try store.createExecution(record, events: [started], checkpoint: checkpoint)
/// ```
public struct ExecutionRecord: Sendable, Hashable {
    /// The execution's unique id, such as a UUID.
    public var id: String
    /// The execution's name, unique enough for people to tell executions apart.
    public var name: String
    /// The name of the workflow (state machine) it runs.
    public var workflowName: String
    /// The workflow file it was started from, if it came from a file.
    public var workflowFilePath: String?
    /// The bare ASL definition the execution is pinned to, as it was when it started.
    public var definition: JSONValue
    /// The caller's SHA-256 of the definition, lower-case hex; the store keeps it as given.
    ///
    /// By convention it is taken over the UTF-8 bytes of `definition.compactText`, so that
    /// equal definitions hash equally whatever file they were written in.
    public var definitionSHA256: String
    /// Where the execution stands.
    public var status: ExecutionStatus
    /// The execution's input.
    public var input: JSONValue
    /// The output, once the execution has succeeded.
    public var output: JSONValue?
    /// The error name of a failed, timed-out or aborted execution, such as
    /// `States.TaskFailed`.
    public var error: String?
    /// The cause that goes with `error`.
    public var cause: String?
    /// When the execution started.
    public var startedAt: Date
    /// When the execution stopped; `nil` while it runs.
    public var stoppedAt: Date?
    /// How many times the execution has been redriven.
    public var redriveCount: Int
    /// The execution that started this one as a sub-workflow, if any.
    public var parentExecutionID: String?
    /// The trigger that started the execution (`workflow/trigger`), if one did.
    public var triggerName: String?
    /// For a schedule, the time the fire that started the execution was due.
    public var triggerDueAt: Date?

    /// Creates a record; a new execution is `running` with no output or error.
    public init(
        id: String,
        name: String,
        workflowName: String,
        workflowFilePath: String? = nil,
        definition: JSONValue,
        definitionSHA256: String,
        status: ExecutionStatus = .running,
        input: JSONValue,
        output: JSONValue? = nil,
        error: String? = nil,
        cause: String? = nil,
        startedAt: Date,
        stoppedAt: Date? = nil,
        redriveCount: Int = 0,
        parentExecutionID: String? = nil,
        triggerName: String? = nil,
        triggerDueAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.workflowName = workflowName
        self.workflowFilePath = workflowFilePath
        self.definition = definition
        self.definitionSHA256 = definitionSHA256
        self.status = status
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.redriveCount = redriveCount
        self.parentExecutionID = parentExecutionID
        self.triggerName = triggerName
        self.triggerDueAt = triggerDueAt
    }
}
