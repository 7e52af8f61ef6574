// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnSQLite
import Foundation

extension SQLiteStore {
    // MARK: - Writing

    public func createExecution(
        _ execution: ExecutionRecord,
        events: [HistoryEvent],
        checkpoint: JSONValue,
        work: [WorkItem]
    ) throws {
        try self.write("cannot create execution \(execution.id)") { connection in
            try Self.insertExecution((execution, events, checkpoint, work), in: connection)
        }
    }

    /// Inserts a new execution with its first events, checkpoint and work.
    ///
    /// - Throws: `CairnStorageError` with code `executionAlreadyExists`.
    static func insertExecution(
        _ execution: (record: ExecutionRecord, events: [HistoryEvent], checkpoint: JSONValue,
            work: [WorkItem]),
        in connection: SQLiteConnection
    ) throws {
        let id = execution.record.id
        let existing = try connection.firstRow(
            "SELECT 1 FROM executions WHERE id = ?",
            [.text(id)]
        )
        guard existing == nil else {
            throw CairnStorageError(
                code: .executionAlreadyExists,
                message: "execution \(id) exists already"
            )
        }
        try Self.insert(execution.record, into: connection)
        let insertEvent = try Self.prepareEventInsert(connection)
        for event in execution.events {
            try Self.append(event, to: id, with: insertEvent)
        }
        try connection.execute(
            "INSERT INTO checkpoints(execution_id, checkpoint) VALUES (?, ?)",
            [.text(id), .text(execution.checkpoint.compactText)]
        )
        let insertWork = try Self.prepareWorkInsert(connection)
        for item in execution.work {
            try Self.insert(item, with: insertWork)
        }
    }

    public func commit(_ transitions: [ExecutionTransition]) throws {
        guard !transitions.isEmpty else { return }
        let context =
            transitions.count == 1
            ? "cannot commit a transition of execution \(transitions[0].executionID)"
            : "cannot commit \(transitions.count) transitions"

        try self.write(context) { connection in
            // Prepared once per commit, so a batch of many transitions compiles SQL once.
            let statements = try TransitionStatements(connection)
            for transition in transitions {
                try Self.apply(transition, with: statements)
            }
        }
    }

    private static func apply(
        _ transition: ExecutionTransition,
        with statements: TransitionStatements
    ) throws {
        let id = transition.executionID

        // A stopped execution only changes again through a redrive.
        try statements.selectStatus.bind([.text(id)])
        guard let row = try statements.selectStatus.step() else {
            throw CairnStorageError(code: .executionNotFound, message: "no execution \(id)")
        }
        let current = try row.decode(String.self, at: 0)
        if ExecutionStatus(rawValue: current)?.isTerminal ?? true, !transition.isRedrive {
            throw CairnStorageError(
                code: .executionAlreadyStopped,
                message: "execution \(id) has stopped (\(current)); only a redrive changes it"
            )
        }
        statements.selectStatus.reset()

        for event in transition.events {
            try self.append(event, to: id, with: statements.insertEvent)
        }
        try statements.updateCheckpoint.bind([.text(transition.checkpoint.compactText), .text(id)])
        try statements.updateCheckpoint.run()
        try statements.updateExecution.bind([
            .text(transition.status.rawValue),
            SQLiteValue(transition.output?.compactText),
            SQLiteValue(transition.error),
            SQLiteValue(transition.cause),
            SQLiteValue(transition.stoppedAt?.storeMilliseconds),
            .integer(transition.isRedrive ? 1 : 0),
            .text(id),
        ])
        try statements.updateExecution.run()

        for itemID in transition.removedWork {
            try statements.deleteWork.bind([.text(id), .text(itemID)])
            try statements.deleteWork.run()
        }
        if transition.status.isTerminal {
            try statements.deleteAllWork.bind([.text(id)])
            try statements.deleteAllWork.run()
        } else {
            for item in transition.addedWork {
                try Self.insert(item, with: statements.insertWork)
            }
        }
        for message in transition.consumedInbox {
            try statements.deleteInbox.bind([.integer(message)])
            try statements.deleteInbox.run()
        }
        for notification in transition.notifications {
            try statements.insertInbox.bind([
                .text(notification.executionID),
                .text(notification.kind),
                .text(notification.payload.compactText),
                .integer(transition.stoppedAt?.storeMilliseconds ?? Date().storeMilliseconds),
            ])
            try statements.insertInbox.run()
        }
    }

    private static func insert(
        _ execution: ExecutionRecord,
        into connection: SQLiteConnection
    ) throws {
        try connection.execute(
            """
            INSERT INTO executions(\(Self.executionColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(execution.id),
                .text(execution.name),
                .text(execution.workflowName),
                SQLiteValue(execution.workflowFilePath),
                .text(execution.definition.compactText),
                .text(execution.definitionSHA256),
                .text(execution.status.rawValue),
                .text(execution.input.compactText),
                SQLiteValue(execution.output?.compactText),
                SQLiteValue(execution.error),
                SQLiteValue(execution.cause),
                .integer(execution.startedAt.storeMilliseconds),
                SQLiteValue(execution.stoppedAt?.storeMilliseconds),
                .integer(Int64(execution.redriveCount)),
                SQLiteValue(execution.parentExecutionID),
                SQLiteValue(execution.triggerName),
                SQLiteValue(execution.triggerDueAt?.storeMilliseconds),
            ]
        )
    }

    static func prepareEventInsert(_ connection: SQLiteConnection) throws -> SQLiteStatement {
        try connection.prepare(
            """
            INSERT INTO history_events(
                execution_id, event_id, previous_event_id, timestamp, type, details
            ) VALUES (?, ?, ?, ?, ?, ?)
            """
        )
    }

    static func append(
        _ event: HistoryEvent,
        to executionID: String,
        with insert: SQLiteStatement
    ) throws {
        try insert.bind([
            .text(executionID),
            .integer(Int64(event.id)),
            .integer(Int64(event.previousEventID)),
            .integer(event.timestamp.storeMilliseconds),
            .text(event.type.rawValue),
            .text(event.details.compactText),
        ])
        do {
            try insert.run()
        } catch {
            guard error.extendedCode == .constraintPrimaryKey else { throw error }
            throw CairnStorageError(
                code: .duplicateEvent,
                message: "execution \(executionID) already has event \(event.id)",
                cause: error
            )
        }
    }

    // MARK: - Reading

    public func execution(id: String) throws -> ExecutionRecord? {
        try self.withConnection("cannot read execution \(id)") { connection in
            let row = try connection.firstRow(
                "SELECT \(Self.executionColumns) FROM executions WHERE id = ?",
                [.text(id)]
            )
            return try row.map(Self.decodeExecution)
        }
    }

    // TODO: Listing reads every matching execution's full definition and input, so a list
    // over thousands of large executions is slower than a summary query would be.
    public func executions(matching filter: ExecutionFilter) throws -> [ExecutionRecord] {
        var conditions: [String] = []
        var arguments: [SQLiteValue] = []
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(.text(status.rawValue))
        }
        if let workflowName = filter.workflowName {
            conditions.append("workflow_name = ?")
            arguments.append(.text(workflowName))
        }
        // A negative LIMIT means "no limit" to SQLite.
        arguments.append(.integer(Int64(filter.limit ?? -1)))

        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(Self.executionColumns) FROM executions \(whereClause)
            ORDER BY started_at DESC, rowid DESC LIMIT ?
            """
        let boundArguments = arguments
        return try self.withConnection("cannot list executions") { connection in
            try connection.rows(sql, boundArguments).map(Self.decodeExecution)
        }
    }

    public func history(executionID: String) throws -> [HistoryEvent] {
        try self.read("cannot read the history of execution \(executionID)") { connection in
            try Self.requireExecution(executionID, in: connection)
            let rows = try connection.rows(
                """
                SELECT event_id, previous_event_id, timestamp, type, details
                FROM history_events WHERE execution_id = ? ORDER BY event_id
                """,
                [.text(executionID)]
            )
            return try rows.map { try Self.decodeHistoryEvent($0, of: executionID) }
        }
    }

    public func checkpoint(executionID: String) throws -> JSONValue {
        try self.withConnection("cannot read the checkpoint of \(executionID)") { connection in
            let row = try connection.firstRow(
                "SELECT checkpoint FROM checkpoints WHERE execution_id = ?",
                [.text(executionID)]
            )
            guard let row else {
                throw CairnStorageError(
                    code: .executionNotFound,
                    message: "no execution \(executionID)"
                )
            }
            let text = try row.decode(String.self, at: 0)
            do {
                return try JSONValue(parsing: text, file: "checkpoint")
            } catch {
                throw CairnStorageError(
                    code: .corruptRecord,
                    message: "the checkpoint of execution \(executionID) is not valid JSON",
                    cause: error
                )
            }
        }
    }

    private static func requireExecution(
        _ id: String,
        in connection: SQLiteConnection
    ) throws {
        let row = try connection.firstRow("SELECT 1 FROM executions WHERE id = ?", [.text(id)])
        guard row != nil else {
            throw CairnStorageError(code: .executionNotFound, message: "no execution \(id)")
        }
    }
}

/// The statements a commit uses for every transition in it.
private struct TransitionStatements {
    let selectStatus: SQLiteStatement
    let insertEvent: SQLiteStatement
    let updateCheckpoint: SQLiteStatement
    let updateExecution: SQLiteStatement
    let insertWork: SQLiteStatement
    let deleteWork: SQLiteStatement
    let deleteAllWork: SQLiteStatement
    let deleteInbox: SQLiteStatement
    let insertInbox: SQLiteStatement

    init(_ connection: SQLiteConnection) throws {
        self.insertInbox = try connection.prepare(
            "INSERT INTO inbox(execution_id, kind, payload, created_at) VALUES (?, ?, ?, ?)"
        )
        self.insertWork = try SQLiteStore.prepareWorkInsert(connection)
        self.deleteWork = try connection.prepare(
            "DELETE FROM work_items WHERE execution_id = ? AND item_id = ?"
        )
        self.deleteAllWork = try connection.prepare("DELETE FROM work_items WHERE execution_id = ?")
        self.deleteInbox = try connection.prepare("DELETE FROM inbox WHERE id = ?")
        self.selectStatus = try connection.prepare("SELECT status FROM executions WHERE id = ?")
        self.insertEvent = try SQLiteStore.prepareEventInsert(connection)
        self.updateCheckpoint = try connection.prepare(
            "UPDATE checkpoints SET checkpoint = ? WHERE execution_id = ?"
        )
        self.updateExecution = try connection.prepare(
            """
            UPDATE executions
            SET status = ?, output = ?, error = ?, cause = ?, stopped_at = ?,
                redrive_count = redrive_count + ?
            WHERE id = ?
            """
        )
    }
}
