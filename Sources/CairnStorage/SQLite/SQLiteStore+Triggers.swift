// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnSQLite
public import Foundation

extension SQLiteStore {
    // MARK: - Writing

    public func recordTriggerFire(
        _ fire: TriggerFire,
        execution: (
            record: ExecutionRecord, events: [HistoryEvent], checkpoint: JSONValue,
            work: [WorkItem]
        )?,
        fileDrop: FileDropRecord?
    ) throws -> Bool {
        try self.write("cannot record a fire of \(fire.triggerName)") { connection in
            if let fileDrop {
                let seen = try connection.firstRow(
                    "SELECT 1 FROM file_drops WHERE trigger_name = ? AND path = ? AND sha256 = ?",
                    [.text(fileDrop.triggerName), .text(fileDrop.path), .text(fileDrop.sha256)]
                )
                guard seen == nil else { return false }
                try connection.execute(
                    """
                    INSERT INTO file_drops(trigger_name, path, sha256, size, modified_at,
                        execution_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(fileDrop.triggerName), .text(fileDrop.path),
                        .text(fileDrop.sha256), .integer(fileDrop.size),
                        .integer(fileDrop.modifiedAt.storeMilliseconds),
                        SQLiteValue(fire.executionID),
                    ]
                )
            }
            if var execution {
                execution.record.triggerName = fire.triggerName
                execution.record.triggerDueAt = fire.dueAt
                try Self.insertExecution(execution, in: connection)
            }
            try connection.execute(
                """
                INSERT INTO trigger_fires(trigger_name, fired_at, due_at, execution_id, outcome,
                    detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(fire.triggerName), .integer(fire.firedAt.storeMilliseconds),
                    SQLiteValue(fire.dueAt?.storeMilliseconds), SQLiteValue(fire.executionID),
                    .text(fire.outcome.rawValue), .text(fire.detail.compactText),
                ]
            )
            if let due = fire.dueAt {
                try connection.execute(
                    """
                    INSERT INTO trigger_state(trigger_name, paused, last_due_at, updated_at)
                    VALUES (?, 0, ?, ?)
                    ON CONFLICT(trigger_name) DO UPDATE SET
                        last_due_at = MAX(COALESCE(last_due_at, 0), excluded.last_due_at),
                        updated_at = excluded.updated_at
                    """,
                    [
                        .text(fire.triggerName), .integer(due.storeMilliseconds),
                        .integer(fire.firedAt.storeMilliseconds),
                    ]
                )
            }
            return true
        }
    }

    public func advanceTriggerCursor(_ name: String, to due: Date, at date: Date) throws {
        try self.write("cannot move the cursor of \(name)") { connection in
            try connection.execute(
                """
                INSERT INTO trigger_state(trigger_name, paused, last_due_at, updated_at)
                VALUES (?, 0, ?, ?)
                ON CONFLICT(trigger_name) DO UPDATE SET
                    last_due_at = MAX(COALESCE(last_due_at, 0), excluded.last_due_at),
                    updated_at = excluded.updated_at
                """,
                [.text(name), .integer(due.storeMilliseconds), .integer(date.storeMilliseconds)]
            )
        }
    }

    public func setTriggerPaused(_ name: String, _ isPaused: Bool, at date: Date) throws {
        try self.write("cannot pause or resume \(name)") { connection in
            try connection.execute(
                """
                INSERT INTO trigger_state(trigger_name, paused, last_due_at, updated_at)
                VALUES (?, ?, NULL, ?)
                ON CONFLICT(trigger_name) DO UPDATE SET
                    paused = excluded.paused, updated_at = excluded.updated_at
                """,
                [.text(name), .integer(isPaused ? 1 : 0), .integer(date.storeMilliseconds)]
            )
        }
    }

    // MARK: - Reading

    public func triggerState(_ name: String) throws -> TriggerState? {
        try self.withConnection("cannot read the state of \(name)") { connection in
            try connection.firstRow(
                """
                SELECT trigger_name, paused, last_due_at, updated_at FROM trigger_state
                WHERE trigger_name = ?
                """,
                [.text(name)]
            ).map { row in
                TriggerState(
                    triggerName: try row.decode(at: 0),
                    isPaused: try row.decode(Int64.self, at: 1) != 0,
                    lastDueAt: try row.decode(Int64?.self, at: 2).map(
                        Date.init(storeMilliseconds:)
                    ),
                    updatedAt: Date(storeMilliseconds: try row.decode(at: 3))
                )
            }
        }
    }

    public func triggerFires(_ name: String?, limit: Int) throws -> [TriggerFire] {
        let condition = name == nil ? "" : "WHERE trigger_name = ?"
        let arguments: [SQLiteValue] = (name.map { [.text($0)] } ?? []) + [.integer(Int64(limit))]
        return try self.withConnection("cannot read trigger history") { connection in
            try connection.rows(
                """
                SELECT id, trigger_name, fired_at, due_at, execution_id, outcome, detail
                FROM trigger_fires \(condition) ORDER BY id DESC LIMIT ?
                """,
                arguments
            ).map { row in
                let trigger = try row.decode(String.self, at: 1)
                let outcome = try row.decode(String.self, at: 5)
                return TriggerFire(
                    id: try row.decode(at: 0),
                    triggerName: trigger,
                    firedAt: Date(storeMilliseconds: try row.decode(at: 2)),
                    dueAt: try row.decode(Int64?.self, at: 3).map(Date.init(storeMilliseconds:)),
                    executionID: try row.decode(at: 4),
                    outcome: TriggerFire.Outcome(rawValue: outcome) ?? .failed,
                    detail: try Self.json(row, at: 6, of: trigger)
                )
            }
        }
    }

    public func hasFileDropFired(
        trigger: String,
        path: String,
        sha256: String
    ) throws -> Bool {
        try self.withConnection("cannot read file drops") { connection in
            try connection.firstRow(
                "SELECT 1 FROM file_drops WHERE trigger_name = ? AND path = ? AND sha256 = ?",
                [.text(trigger), .text(path), .text(sha256)]
            ) != nil
        }
    }

    public func modelVersionsChanged(after date: Date, limit: Int) throws -> [ModelVersionRecord] {
        try self.withConnection("cannot read changed model versions") { connection in
            try connection.rows(
                """
                SELECT \(Self.modelVersionColumns) FROM model_versions
                WHERE updated_at > ? ORDER BY updated_at, name, version LIMIT ?
                """,
                [.integer(date.storeMilliseconds), .integer(Int64(limit))]
            ).map(Self.decodeModelVersion)
        }
    }

    public func executionIDs(trigger: String, status: ExecutionStatus) throws -> [String] {
        try self.withConnection("cannot read the executions of \(trigger)") { connection in
            try connection.rows(
                "SELECT id FROM executions WHERE trigger_name = ? AND status = ?",
                [.text(trigger), .text(status.rawValue)]
            ).map { try $0.decode(String.self, at: 0) }
        }
    }
}
