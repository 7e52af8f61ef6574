// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// Everything one step of an execution changes, committed all together or not at all.
///
/// A transition appends its events to the history, replaces the execution's checkpoint,
/// and sets the execution's status, output, error, cause and stop time to the values it
/// carries (a running step carries `running` and `nil`s).
///
/// ```swift
/// try store.commit(ExecutionTransition(
///     executionID: id,
///     events: [succeeded, exited],
///     checkpoint: nextCheckpoint,
///     status: .succeeded,
///     output: result,
///     stoppedAt: now
/// ))
/// ```
public struct ExecutionTransition: Sendable, Hashable {
    /// The execution the step belongs to.
    public var executionID: String
    /// The events to append, in order; their ids must be new to the execution.
    public var events: [HistoryEvent]
    /// The interpreter's new checkpoint; the store keeps it without looking inside.
    public var checkpoint: JSONValue
    /// The execution's status after the step.
    public var status: ExecutionStatus
    /// The execution's output after the step; set when it succeeds.
    public var output: JSONValue?
    /// The error name after the step; set when it fails, times out or is aborted.
    public var error: String?
    /// The cause that goes with `error`.
    public var cause: String?
    /// When the execution stopped; set with a terminal status.
    public var stoppedAt: Date?
    /// `true` when this step redrives a stopped execution: it may then move a stopped
    /// execution back to `running`, and the redrive count goes up by one.
    public var isRedrive: Bool
    /// Work the step asked for: tasks to run and timers to fire.
    public var addedWork: [WorkItem]
    /// Ids of this execution's work items that the step consumed or cancelled.
    public var removedWork: [String]
    /// Inbox messages the step answered; they are deleted with it.
    public var consumedInbox: [Int64]
    /// Requests for other executions that the step sends (a child telling its
    /// parent that it ended), stored with it.
    public var notifications: [Notification]

    /// A request for another execution's inbox.
    public struct Notification: Sendable, Hashable {
        public var executionID: String
        public var kind: String
        public var payload: JSONValue

        public init(executionID: String, kind: String, payload: JSONValue) {
            self.executionID = executionID
            self.kind = kind
            self.payload = payload
        }
    }

    /// Creates a transition.
    public init(
        executionID: String,
        events: [HistoryEvent],
        checkpoint: JSONValue,
        status: ExecutionStatus = .running,
        output: JSONValue? = nil,
        error: String? = nil,
        cause: String? = nil,
        stoppedAt: Date? = nil,
        isRedrive: Bool = false,
        addedWork: [WorkItem] = [],
        removedWork: [String] = [],
        consumedInbox: [Int64] = [],
        notifications: [Notification] = []
    ) {
        self.executionID = executionID
        self.events = events
        self.checkpoint = checkpoint
        self.status = status
        self.output = output
        self.error = error
        self.cause = cause
        self.stoppedAt = stoppedAt
        self.isRedrive = isRedrive
        self.addedWork = addedWork
        self.removedWork = removedWork
        self.consumedInbox = consumedInbox
        self.notifications = notifications
    }
}
