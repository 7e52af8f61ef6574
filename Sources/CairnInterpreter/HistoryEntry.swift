// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// One event of an execution's history, numbered as AWS Step Functions
/// numbers them: `ExecutionStarted` is event 1 and each later event names the
/// one before it.
public struct HistoryEntry: Sendable, Hashable {
    public var id: Int
    public var previousEventID: Int
    /// Milliseconds since the Unix epoch.
    public var timestamp: Int64
    /// AWS's event type name, such as `PassStateEntered` or `TaskSucceeded`.
    public var type: String
    /// The event's details (`name`, `input`, `output`, `error`, `cause`, ...).
    public var details: JSONValue

    public init(id: Int, previousEventID: Int, timestamp: Int64, type: String, details: JSONValue) {
        self.id = id
        self.previousEventID = previousEventID
        self.timestamp = timestamp
        self.type = type
        self.details = details
    }
}
