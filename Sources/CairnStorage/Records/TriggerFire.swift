// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// One firing of a trigger, or one decision not to fire, as the trigger's
/// history keeps it.
public struct TriggerFire: Sendable, Hashable {
    /// What became of the fire.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// An execution started.
        case started
        /// A schedule fire was dropped because the previous execution still ran.
        case skippedOverlap = "skipped-overlap"
        /// A fire missed while nothing ran and the catch-up policy dropped it.
        case skippedCatchUp = "skipped-catch-up"
        /// The trigger is paused.
        case skippedPaused = "skipped-paused"
        /// A file whose content already fired.
        case duplicate
        /// The execution could not be started.
        case failed
    }

    public var id: Int64
    /// `workflow/trigger`, unique in the database.
    public var triggerName: String
    /// When the decision was taken.
    public var firedAt: Date
    /// For a schedule, the time the fire was due.
    public var dueAt: Date?
    public var executionID: String?
    public var outcome: Outcome
    /// The facts of the fire: a file's path, size, mtime and SHA-256, a reason.
    public var detail: JSONValue

    public init(
        id: Int64 = 0,
        triggerName: String,
        firedAt: Date,
        dueAt: Date? = nil,
        executionID: String? = nil,
        outcome: Outcome,
        detail: JSONValue = .object(JSONObject())
    ) {
        self.id = id
        self.triggerName = triggerName
        self.firedAt = firedAt
        self.dueAt = dueAt
        self.executionID = executionID
        self.outcome = outcome
        self.detail = detail
    }
}

/// The stored state of a trigger: whether it is paused and when it last fired.
public struct TriggerState: Sendable, Hashable {
    public var triggerName: String
    public var isPaused: Bool
    /// The due time of the last schedule fire that was handled.
    public var lastDueAt: Date?
    public var updatedAt: Date

    public init(triggerName: String, isPaused: Bool, lastDueAt: Date?, updatedAt: Date) {
        self.triggerName = triggerName
        self.isPaused = isPaused
        self.lastDueAt = lastDueAt
        self.updatedAt = updatedAt
    }
}

/// The identity of a dropped file's content: the same trigger, path and
/// SHA-256 is the same drop, whatever its modification time says.
public struct FileDropRecord: Sendable, Hashable {
    public var triggerName: String
    public var path: String
    public var sha256: String
    public var size: Int64
    public var modifiedAt: Date

    public init(triggerName: String, path: String, sha256: String, size: Int64, modifiedAt: Date) {
        self.triggerName = triggerName
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.modifiedAt = modifiedAt
    }
}
