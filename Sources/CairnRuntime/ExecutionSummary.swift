// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnStorage

/// How an execution ended, in the shape of `cairn run --json`.
public struct ExecutionSummary: Sendable {
    public var executionID: String
    public var workflow: String
    public var status: ExecutionStatus
    /// Milliseconds since the epoch.
    public var startedAt: Int64
    public var stoppedAt: Int64?
    public var input: JSONValue
    public var output: JSONValue?
    public var error: String?
    public var cause: String?

    public init(_ record: ExecutionRecord) {
        executionID = record.id
        workflow = record.workflowName
        status = record.status
        startedAt = TransitionBuilder.milliseconds(record.startedAt)
        stoppedAt = record.stoppedAt.map(TransitionBuilder.milliseconds)
        input = record.input
        output = record.output
        error = record.error
        cause = record.cause
    }
}
