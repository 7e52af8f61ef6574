// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// A piece of ready or future work of an execution: a task to run or a timer to
/// fire. Work items are written in the same transaction as the step that asked
/// for them and removed in the one that consumed them.
///
/// A worker leases an item before it acts on it. A lease names its owner and
/// expires; an item whose owner died is leased again, and its lease count tells
/// how many times it was started.
public struct WorkItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case task
        case timer
    }

    public var executionID: String
    /// The interpreter's task or timer id, unique within the execution.
    public var itemID: String
    public var kind: Kind
    /// When the item becomes ready: a timer's fire time, a task's schedule time.
    public var dueAt: Date
    /// What the item needs to be carried out (a task's request), opaque to the store.
    public var payload: JSONValue
    /// The callback token of a `.waitForTaskToken` task.
    public var token: String?
    /// How many times the item has been leased.
    public var leases: Int
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?

    public init(
        executionID: String,
        itemID: String,
        kind: Kind,
        dueAt: Date,
        payload: JSONValue = .null,
        token: String? = nil,
        leases: Int = 0,
        leaseOwner: String? = nil,
        leaseExpiresAt: Date? = nil
    ) {
        self.executionID = executionID
        self.itemID = itemID
        self.kind = kind
        self.dueAt = dueAt
        self.payload = payload
        self.token = token
        self.leases = leases
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
    }
}

/// A request from outside the process that owns the executions (the CLI, while a
/// daemon runs): stop an execution, complete a callback task, redrive.
public struct InboxMessage: Sendable, Hashable {
    public var id: Int64
    public var executionID: String
    /// What is asked: `stop`, `task-success`, `task-failure`, `task-heartbeat`, `redrive`.
    public var kind: String
    public var payload: JSONValue
    public var createdAt: Date

    public init(id: Int64, executionID: String, kind: String, payload: JSONValue, createdAt: Date) {
        self.id = id
        self.executionID = executionID
        self.kind = kind
        self.payload = payload
        self.createdAt = createdAt
    }
}

/// One version of a workflow as executions pinned it, with how often it ran.
public struct WorkflowSummary: Sendable, Hashable {
    public var name: String
    public var definitionSHA256: String
    public var workflowFilePath: String?
    public var executionCount: Int
    public var runningCount: Int
    public var failedCount: Int
    public var firstStartedAt: Date
    public var lastStartedAt: Date

    public init(
        name: String,
        definitionSHA256: String,
        workflowFilePath: String?,
        executionCount: Int,
        runningCount: Int,
        failedCount: Int,
        firstStartedAt: Date,
        lastStartedAt: Date
    ) {
        self.name = name
        self.definitionSHA256 = definitionSHA256
        self.workflowFilePath = workflowFilePath
        self.executionCount = executionCount
        self.runningCount = runningCount
        self.failedCount = failedCount
        self.firstStartedAt = firstStartedAt
        self.lastStartedAt = lastStartedAt
    }
}
