// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// One entry of an execution's history, numbered as Step Functions numbers them.
///
/// The caller assigns the ids: `ExecutionStarted` is event 1 with previous id 0, and each
/// later event takes the next number. The store refuses an id that the execution already
/// has, which makes a transition committed twice fail instead of duplicating history.
///
/// ```swift
/// let entered = HistoryEvent(
///     id: 2,
///     previousEventID: 1,
///     timestamp: now,
///     type: .taskStateEntered,
///     details: ["name": "Train", "input": input]
/// )
/// ```
public struct HistoryEvent: Sendable, Hashable {
    /// The event's number within its execution, from 1.
    public var id: Int
    /// The event this one follows; 0 for the first event.
    public var previousEventID: Int
    /// When the event happened.
    public var timestamp: Date
    /// The AWS event type.
    public var type: HistoryEventType
    /// The type-specific details, shaped like AWS's `...EventDetails` objects.
    public var details: JSONValue

    /// Creates an event.
    public init(
        id: Int,
        previousEventID: Int,
        timestamp: Date,
        type: HistoryEventType,
        details: JSONValue = .object(JSONObject())
    ) {
        self.id = id
        self.previousEventID = previousEventID
        self.timestamp = timestamp
        self.type = type
        self.details = details
    }
}
