// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnSQLite
public import Foundation

extension SQLiteStore {
    static let workColumns = """
        execution_id, item_id, kind, due_at, payload, token, leases, lease_owner,
        lease_expires_at
        """

    // MARK: - Writing work

    static func prepareWorkInsert(_ connection: SQLiteConnection) throws -> SQLiteStatement {
        try connection.prepare(
            """
            INSERT OR REPLACE INTO work_items(\(workColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        )
    }

    static func insert(_ item: WorkItem, with statement: SQLiteStatement) throws {
        try statement.bind([
            .text(item.executionID),
            .text(item.itemID),
            .text(item.kind.rawValue),
            .integer(item.dueAt.storeMilliseconds),
            .text(item.payload.compactText),
            SQLiteValue(item.token),
            .integer(Int64(item.leases)),
            SQLiteValue(item.leaseOwner),
            SQLiteValue(item.leaseExpiresAt?.storeMilliseconds),
        ])
        try statement.run()
    }

    public func lease(
        _ items: [(executionID: String, itemID: String)],
        owner: String,
        until expiry: Date,
        now: Date
    ) throws -> [WorkItem] {
        guard !items.isEmpty else { return [] }
        let keys = items.map { (executionID: $0.executionID, itemID: $0.itemID) }
        return try self.write("cannot lease \(items.count) work items") { connection in
            // Only free items, or items whose lease ran out, change hands.
            let update = try connection.prepare(
                """
                UPDATE work_items
                SET lease_owner = ?, lease_expires_at = ?, leases = leases + 1
                WHERE execution_id = ? AND item_id = ?
                  AND (lease_owner IS NULL OR lease_expires_at < ?)
                RETURNING \(Self.workColumns)
                """
            )
            var leased: [WorkItem] = []
            for key in keys {
                try update.bind([
                    .text(owner),
                    .integer(expiry.storeMilliseconds),
                    .text(key.executionID),
                    .text(key.itemID),
                    .integer(now.storeMilliseconds),
                ])
                if let row = try update.step() { leased.append(try Self.decodeWorkItem(row)) }
                update.reset()
            }
            return leased
        }
    }

    public func renewLeases(owner: String, until expiry: Date) throws {
        try self.write("cannot renew the leases of \(owner)") { connection in
            try connection.execute(
                "UPDATE work_items SET lease_expires_at = ? WHERE lease_owner = ?",
                [.integer(expiry.storeMilliseconds), .text(owner)]
            )
        }
    }

    public func releaseLeases(owner: String) throws {
        try self.write("cannot release the leases of \(owner)") { connection in
            try connection.execute(
                """
                UPDATE work_items SET lease_owner = NULL, lease_expires_at = NULL
                WHERE lease_owner = ?
                """,
                [.text(owner)]
            )
        }
    }

    @discardableResult
    public func post(
        executionID: String,
        kind: String,
        payload: JSONValue,
        at date: Date
    ) throws -> Int64 {
        try self.write("cannot post a \(kind) request for \(executionID)") { connection in
            try connection.execute(
                "INSERT INTO inbox(execution_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                [
                    .text(executionID), .text(kind), .text(payload.compactText),
                    .integer(date.storeMilliseconds),
                ]
            )
            return connection.lastInsertRowID
        }
    }

    public func deleteInbox(ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try self.write("cannot delete \(ids.count) inbox messages") { connection in
            let delete = try connection.prepare("DELETE FROM inbox WHERE id = ?")
            for id in ids {
                try delete.bind([.integer(id)])
                try delete.run()
                delete.reset()
            }
        }
    }

    // MARK: - Reading work

    public func dueWork(at date: Date, limit: Int) throws -> [WorkItem] {
        try self.withConnection("cannot read the due work") { connection in
            try connection.rows(
                """
                SELECT \(Self.workColumns) FROM work_items
                WHERE lease_owner IS NULL AND due_at <= ?
                ORDER BY due_at LIMIT ?
                """,
                [.integer(date.storeMilliseconds), .integer(Int64(limit))]
            ).map(Self.decodeWorkItem)
        }
    }

    public func nextDueTime() throws -> Date? {
        try self.withConnection("cannot read the next due time") { connection in
            let row = try connection.firstRow(
                "SELECT MIN(due_at) FROM work_items WHERE lease_owner IS NULL"
            )
            return try row?.decode(Int64?.self, at: 0).map(Date.init(storeMilliseconds:))
        }
    }

    public func strandedWork(liveOwner: String, now: Date) throws -> [WorkItem] {
        try self.withConnection("cannot read stranded work") { connection in
            try connection.rows(
                """
                SELECT \(Self.workColumns) FROM work_items
                WHERE lease_owner IS NOT NULL AND (lease_owner != ? OR lease_expires_at < ?)
                """,
                [.text(liveOwner), .integer(now.storeMilliseconds)]
            ).map(Self.decodeWorkItem)
        }
    }

    public func work(executionID: String) throws -> [WorkItem] {
        try self.withConnection("cannot read the work of \(executionID)") { connection in
            try connection.rows(
                "SELECT \(Self.workColumns) FROM work_items WHERE execution_id = ? ORDER BY due_at",
                [.text(executionID)]
            ).map(Self.decodeWorkItem)
        }
    }

    public func workItem(token: String) throws -> WorkItem? {
        try self.withConnection("cannot look up a task token") { connection in
            try connection.firstRow(
                "SELECT \(Self.workColumns) FROM work_items WHERE token = ?",
                [.text(token)]
            ).map(Self.decodeWorkItem)
        }
    }

    public func inbox(limit: Int) throws -> [InboxMessage] {
        try self.withConnection("cannot read the inbox") { connection in
            try connection.rows(
                """
                SELECT id, execution_id, kind, payload, created_at FROM inbox
                ORDER BY id LIMIT ?
                """,
                [.integer(Int64(limit))]
            ).map { row in
                let id = try row.decode(Int64.self, at: 0)
                let executionID = try row.decode(String.self, at: 1)
                return InboxMessage(
                    id: id,
                    executionID: executionID,
                    kind: try row.decode(at: 2),
                    payload: try Self.json(row, at: 3, of: executionID),
                    createdAt: Date(storeMilliseconds: try row.decode(at: 4))
                )
            }
        }
    }

    public func execution(workflow: String, name: String) throws -> ExecutionRecord? {
        try self.withConnection("cannot read execution \(name) of \(workflow)") { connection in
            try connection.firstRow(
                """
                SELECT \(Self.executionColumns) FROM executions
                WHERE workflow_name = ? AND name = ?
                """,
                [.text(workflow), .text(name)]
            ).map(Self.decodeExecution)
        }
    }

    public func workflowSummaries() throws -> [WorkflowSummary] {
        try self.withConnection("cannot summarise workflows") { connection in
            try connection.rows(
                """
                SELECT workflow_name, definition_sha256, MAX(workflow_file_path), COUNT(*),
                       SUM(status = 'RUNNING'), SUM(status IN ('FAILED', 'TIMED_OUT', 'ABORTED')),
                       MIN(started_at), MAX(started_at)
                FROM executions
                GROUP BY workflow_name, definition_sha256
                ORDER BY workflow_name, MIN(started_at)
                """
            ).map { row in
                WorkflowSummary(
                    name: try row.decode(at: 0),
                    definitionSHA256: try row.decode(at: 1),
                    workflowFilePath: try row.decode(at: 2),
                    executionCount: try row.decode(at: 3),
                    runningCount: try row.decode(at: 4),
                    failedCount: try row.decode(at: 5),
                    firstStartedAt: Date(storeMilliseconds: try row.decode(at: 6)),
                    lastStartedAt: Date(storeMilliseconds: try row.decode(at: 7))
                )
            }
        }
    }

    static func decodeWorkItem(_ row: SQLiteRow) throws -> WorkItem {
        let executionID = try row.decode(String.self, at: 0)
        let kind = try row.decode(String.self, at: 2)
        guard let itemKind = WorkItem.Kind(rawValue: kind) else {
            throw CairnStorageError(
                code: .corruptRecord,
                message: "work item of \(executionID) has the unknown kind '\(kind)'"
            )
        }
        return WorkItem(
            executionID: executionID,
            itemID: try row.decode(at: 1),
            kind: itemKind,
            dueAt: Date(storeMilliseconds: try row.decode(at: 3)),
            payload: try Self.json(row, at: 4, of: executionID),
            token: try row.decode(at: 5),
            leases: try row.decode(at: 6),
            leaseOwner: try row.decode(at: 7),
            leaseExpiresAt: try row.decode(Int64?.self, at: 8).map(Date.init(storeMilliseconds:))
        )
    }
}
