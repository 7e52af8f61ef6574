// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnSQLite
import Foundation

/// Reading records back from rows; the column lists here and the SELECTs that use them
/// must stay in the same order.
extension SQLiteStore {
    /// The columns `decodeExecution` reads, in order.
    static let executionColumns = """
        id, name, workflow_name, workflow_file_path, definition, definition_sha256, status,
        input, output, error, cause, started_at, stopped_at, redrive_count,
        parent_execution_id, trigger_name, trigger_due_at
        """

    /// The columns `decodeModelVersion` reads, in order.
    static let modelVersionColumns = """
        name, version, artifact_path, artifact_sha256, metrics, parameters, execution_id,
        status, status_reason, created_at, updated_at
        """

    static func decodeExecution(_ row: SQLiteRow) throws -> ExecutionRecord {
        let id = try row.decode(String.self, at: 0)
        return ExecutionRecord(
            id: id,
            name: try row.decode(at: 1),
            workflowName: try row.decode(at: 2),
            workflowFilePath: try row.decode(at: 3),
            definition: try self.json(row, at: 4, of: id),
            definitionSHA256: try row.decode(at: 5),
            status: try self.status(row, at: 6, of: id),
            input: try self.json(row, at: 7, of: id),
            output: try self.optionalJSON(row, at: 8, of: id),
            error: try row.decode(at: 9),
            cause: try row.decode(at: 10),
            startedAt: Date(storeMilliseconds: try row.decode(at: 11)),
            stoppedAt: try row.decode(Int64?.self, at: 12).map(Date.init(storeMilliseconds:)),
            redriveCount: try row.decode(at: 13),
            parentExecutionID: try row.decode(at: 14),
            triggerName: try row.decode(at: 15),
            triggerDueAt: try row.decode(Int64?.self, at: 16).map(Date.init(storeMilliseconds:))
        )
    }

    /// Reads `event_id, previous_event_id, timestamp, type, details`.
    static func decodeHistoryEvent(_ row: SQLiteRow, of executionID: String) throws
        -> HistoryEvent
    {
        HistoryEvent(
            id: try row.decode(at: 0),
            previousEventID: try row.decode(at: 1),
            timestamp: Date(storeMilliseconds: try row.decode(at: 2)),
            type: HistoryEventType(rawValue: try row.decode(at: 3)),
            details: try self.json(row, at: 4, of: executionID)
        )
    }

    static func decodeModelVersion(_ row: SQLiteRow) throws -> ModelVersionRecord {
        let name = try row.decode(String.self, at: 0)
        let statusText = try row.decode(String.self, at: 7)
        guard let status = ModelVersionStatus(rawValue: statusText) else {
            throw CairnStorageError(
                code: .corruptRecord,
                message: "model \(name) has a version with unknown status '\(statusText)'"
            )
        }
        return ModelVersionRecord(
            name: name,
            version: try row.decode(at: 1),
            artifactPath: try row.decode(at: 2),
            artifactSHA256: try row.decode(at: 3),
            metrics: try self.json(row, at: 4, of: name),
            parameters: try self.json(row, at: 5, of: name),
            executionID: try row.decode(at: 6),
            status: status,
            statusReason: try row.decode(at: 8),
            createdAt: Date(storeMilliseconds: try row.decode(at: 9)),
            updatedAt: Date(storeMilliseconds: try row.decode(at: 10))
        )
    }

    // MARK: - Columns

    private static func status(
        _ row: SQLiteRow,
        at index: Int,
        of id: String
    ) throws -> ExecutionStatus {
        let text = try row.decode(String.self, at: index)
        guard let status = ExecutionStatus(rawValue: text) else {
            throw CairnStorageError(
                code: .corruptRecord,
                message: "execution \(id) has unknown status '\(text)'"
            )
        }
        return status
    }

    static func json(_ row: SQLiteRow, at index: Int, of owner: String) throws
        -> JSONValue
    {
        let text = try row.decode(String.self, at: index)
        do {
            return try JSONValue(parsing: text, file: row.columnNames[index])
        } catch {
            // The parse error's message may quote the payload, so only its position and
            // the column are named here; the full error stays in `cause`.
            throw CairnStorageError(
                code: .corruptRecord,
                message: "column \(row.columnNames[index]) of \(owner) is not valid JSON",
                cause: error
            )
        }
    }

    private static func optionalJSON(_ row: SQLiteRow, at index: Int, of owner: String) throws
        -> JSONValue?
    {
        // Spelled out because `nil` would also type-check as `JSONValue.null`.
        if row[index].isNull {
            return Optional<JSONValue>.none
        }
        return try self.json(row, at: index, of: owner)
    }
}
