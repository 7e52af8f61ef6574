// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// Where Cairn keeps executions, their history and checkpoints, and the model registry.
///
/// Every method is synchronous and complete when it returns: a write that returned has
/// been committed with the store's durability setting. Writes that belong together
/// happen in one transaction. Conforming types are `Sendable` and safe to call from any
/// thread; the runtime still calls them from one serial place so that transitions of one
/// execution are committed in order.
///
/// ```swift
/// let store = try SQLiteStore(path: "/var/lib/cairn/cairn.db")
/// try store.createExecution(record, events: [started], checkpoint: checkpoint)
/// try store.commit(ExecutionTransition(
///     executionID: record.id,
///     events: [entered],
///     checkpoint: nextCheckpoint
/// ))
/// let failed = try store.executions(status: .failed, limit: 20)
/// ```
public protocol Store: Sendable {
    // MARK: - Executions

    /// Stores a new execution with its first events and checkpoint, in one transaction.
    ///
    /// - Parameters:
    ///   - execution: The execution, usually `running`.
    ///   - events: Its first history events, usually `ExecutionStarted`.
    ///   - checkpoint: The interpreter's first checkpoint.
    /// - Throws: `CairnStorageError` with code `executionAlreadyExists` when the id is
    ///   taken, `duplicateEvent` when two events share an id; nothing is stored then.
    func createExecution(
        _ execution: ExecutionRecord,
        events: [HistoryEvent],
        checkpoint: JSONValue,
        work: [WorkItem]
    ) throws

    /// Commits transitions, all in one transaction: either every one of them is stored
    /// (events appended, checkpoint replaced, execution updated) or none is.
    ///
    /// Batching transitions of many executions into one call is how throughput is
    /// gained without weakening durability.
    ///
    /// - Parameter transitions: The steps to store, applied in order.
    /// - Throws: `CairnStorageError` with code `executionNotFound`, `duplicateEvent`,
    ///   `executionAlreadyStopped` (a stopped execution can only be changed by a
    ///   redrive), `busy` or `database`; nothing is stored then.
    func commit(_ transitions: [ExecutionTransition]) throws

    /// The execution with the given id, or `nil` when there is none.
    ///
    /// - Throws: `CairnStorageError` when the database fails or the record is corrupt.
    func execution(id: String) throws -> ExecutionRecord?

    /// Executions that match the filter, newest first (by start time).
    ///
    /// - Throws: `CairnStorageError` when the database fails or a record is corrupt.
    func executions(matching filter: ExecutionFilter) throws -> [ExecutionRecord]

    /// The execution's history, in event id order.
    ///
    /// - Throws: `CairnStorageError` with code `executionNotFound` for an unknown id.
    func history(executionID: String) throws -> [HistoryEvent]

    /// The execution's latest checkpoint.
    ///
    /// - Throws: `CairnStorageError` with code `executionNotFound` for an unknown id.
    func checkpoint(executionID: String) throws -> JSONValue

    // MARK: - Work queue and inbox

    /// Unleased work items due at or before `date`, earliest first.
    func dueWork(at date: Date, limit: Int) throws -> [WorkItem]

    /// When the earliest unleased work item falls due, or `nil` when none waits.
    func nextDueTime() throws -> Date?

    /// Leases the given items of one or more executions to `owner` until
    /// `expiry`, counting one more lease for each; items leased by a live owner
    /// in the meantime are skipped.
    ///
    /// - Returns: The items this call leased, with their new lease counts.
    func lease(
        _ items: [(executionID: String, itemID: String)],
        owner: String,
        until expiry: Date,
        now: Date
    ) throws -> [WorkItem]

    /// Items leased by an owner whose lease has expired, or by any owner other
    /// than `liveOwner` (the caller knows no other owner lives).
    func strandedWork(liveOwner: String, now: Date) throws -> [WorkItem]

    /// Extends every lease `owner` holds to `expiry`.
    func renewLeases(owner: String, until expiry: Date) throws

    /// Gives back every lease `owner` holds, so that the items run again.
    func releaseLeases(owner: String) throws

    /// The work items of one execution.
    func work(executionID: String) throws -> [WorkItem]

    /// The task work item a callback token belongs to.
    func workItem(token: String) throws -> WorkItem?

    /// Appends a request for the process that owns the executions.
    @discardableResult
    func post(executionID: String, kind: String, payload: JSONValue, at date: Date) throws -> Int64

    /// The oldest waiting requests.
    func inbox(limit: Int) throws -> [InboxMessage]

    /// Deletes requests that need no transition (their execution had ended).
    func deleteInbox(ids: [Int64]) throws

    /// The execution with this name in this workflow.
    func execution(workflow: String, name: String) throws -> ExecutionRecord?

    /// Each workflow version that executions pinned, with counts.
    func workflowSummaries() throws -> [WorkflowSummary]

    // MARK: - Triggers

    /// Records a trigger's fire; when it starts an execution, stores the
    /// execution in the same transaction, and for a file drop, the file's
    /// identity too.
    ///
    /// - Returns: `false`, storing nothing, when the file drop's content has
    ///   fired before.
    func recordTriggerFire(
        _ fire: TriggerFire,
        execution: (record: ExecutionRecord, events: [HistoryEvent], checkpoint: JSONValue,
            work: [WorkItem])?,
        fileDrop: FileDropRecord?
    ) throws -> Bool

    /// Moves a trigger's cursor (its last handled due time) forward without a fire.
    func advanceTriggerCursor(_ name: String, to due: Date, at date: Date) throws

    /// Pauses or resumes a trigger.
    func setTriggerPaused(_ name: String, _ isPaused: Bool, at date: Date) throws

    /// A trigger's stored state, or `nil` when it never fired nor was paused.
    func triggerState(_ name: String) throws -> TriggerState?

    /// The newest fires of one trigger, or of all when `name` is `nil`.
    func triggerFires(_ name: String?, limit: Int) throws -> [TriggerFire]

    /// Whether this content of this file already fired this trigger.
    func hasFileDropFired(trigger: String, path: String, sha256: String) throws -> Bool

    /// Model versions registered or changed after `date`, oldest change first.
    func modelVersionsChanged(after date: Date, limit: Int) throws -> [ModelVersionRecord]

    /// The executions a trigger started that have this status.
    func executionIDs(trigger: String, status: ExecutionStatus) throws -> [String]

    // MARK: - Model registry

    /// Registers a new version of a model, creating the model on its first version.
    ///
    /// The version number is the model's previous highest plus one, assigned inside
    /// the insert's transaction, so concurrent registrations never share a number.
    ///
    /// - Returns: The stored version, with its number.
    /// - Throws: `CairnStorageError` when the database fails.
    func registerModelVersion(_ version: NewModelVersion) throws -> ModelVersionRecord

    /// Changes a model version's status; see `ModelVersionStatus` for the allowed changes.
    ///
    /// - Parameters:
    ///   - name: The model.
    ///   - version: The version number.
    ///   - status: The new status.
    ///   - reason: Why; replaces the previous reason.
    ///   - date: The update time to record.
    /// - Returns: The updated version.
    /// - Throws: `CairnStorageError` with code `modelNotFound`, `modelVersionNotFound`
    ///   or `invalidStatusChange`.
    func setModelVersionStatus(
        name: String,
        version: Int,
        status: ModelVersionStatus,
        reason: String?,
        at date: Date
    ) throws -> ModelVersionRecord

    /// Every model with its newest version, by name.
    ///
    /// - Throws: `CairnStorageError` when the database fails or a record is corrupt.
    func models() throws -> [ModelSummary]

    /// The versions of a model, newest first.
    ///
    /// - Throws: `CairnStorageError` with code `modelNotFound` for an unknown model.
    func modelVersions(name: String) throws -> [ModelVersionRecord]

    /// One version of a model, or `nil` when the model or version does not exist.
    ///
    /// - Throws: `CairnStorageError` when the database fails or the record is corrupt.
    func modelVersion(name: String, version: Int) throws -> ModelVersionRecord?
}

// MARK: - Conveniences

extension Store {
    /// Stores a new execution that has no work waiting yet.
    public func createExecution(
        _ execution: ExecutionRecord,
        events: [HistoryEvent],
        checkpoint: JSONValue
    ) throws {
        try createExecution(execution, events: events, checkpoint: checkpoint, work: [])
    }

    /// Commits one transition; see `commit(_:)` for the guarantees.
    ///
    /// - Throws: `CairnStorageError`, as `commit(_:)` does.
    public func commit(_ transition: ExecutionTransition) throws {
        try self.commit([transition])
    }

    /// Executions with the given status and workflow, newest first.
    ///
    /// - Parameters:
    ///   - status: Only this status, or any.
    ///   - workflow: Only this workflow name, or any.
    ///   - limit: At most this many, or all.
    /// - Throws: `CairnStorageError` when the database fails or a record is corrupt.
    public func executions(
        status: ExecutionStatus? = nil,
        workflow: String? = nil,
        limit: Int? = nil
    ) throws -> [ExecutionRecord] {
        try self.executions(
            matching: ExecutionFilter(status: status, workflowName: workflow, limit: limit)
        )
    }
}
