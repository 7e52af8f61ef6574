// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnSQLite
public import Foundation

extension SQLiteStore {
    // MARK: - Writing

    public func registerModelVersion(_ version: NewModelVersion) throws -> ModelVersionRecord {
        try self.write("cannot register a version of model \(version.name)") { connection in
            let createdAt = SQLiteValue.integer(version.createdAt.storeMilliseconds)

            // The counter in `models` only grows, so a number is never handed out twice,
            // and the write lock of this transaction keeps two registrations apart.
            try connection.execute(
                """
                INSERT INTO models(name, latest_version, created_at) VALUES (?, 0, ?)
                ON CONFLICT(name) DO NOTHING
                """,
                [.text(version.name), createdAt]
            )
            try connection.execute(
                "UPDATE models SET latest_version = latest_version + 1 WHERE name = ?",
                [.text(version.name)]
            )
            let number =
                try connection.firstRow(
                    "SELECT latest_version FROM models WHERE name = ?",
                    [.text(version.name)]
                )?.decode(Int64.self, at: 0) ?? 1

            try connection.execute(
                """
                INSERT INTO model_versions(\(Self.modelVersionColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(version.name),
                    .integer(number),
                    .text(version.artifactPath),
                    .text(version.artifactSHA256),
                    .text(version.metrics.compactText),
                    .text(version.parameters.compactText),
                    SQLiteValue(version.executionID),
                    .text(version.status.rawValue),
                    SQLiteValue(version.statusReason),
                    createdAt,
                    createdAt,
                ]
            )
            return try Self.requireModelVersion(version.name, Int(number), in: connection)
        }
    }

    public func setModelVersionStatus(
        name: String,
        version: Int,
        status: ModelVersionStatus,
        reason: String?,
        at date: Date
    ) throws -> ModelVersionRecord {
        let context = "cannot set the status of model \(name) version \(version)"
        return try self.write(context) { connection in
            let current = try Self.requireModelVersion(name, version, in: connection)
            guard current.status.canChange(to: status) else {
                throw CairnStorageError(
                    code: .invalidStatusChange,
                    message: "model \(name) version \(version) is \(current.status.rawValue) "
                        + "and cannot become \(status.rawValue)"
                )
            }

            try connection.execute(
                """
                UPDATE model_versions SET status = ?, status_reason = ?, updated_at = ?
                WHERE name = ? AND version = ?
                """,
                [
                    .text(status.rawValue),
                    SQLiteValue(reason),
                    .integer(date.storeMilliseconds),
                    .text(name),
                    .integer(Int64(version)),
                ]
            )
            return try Self.requireModelVersion(name, version, in: connection)
        }
    }

    // MARK: - Reading

    public func models() throws -> [ModelSummary] {
        try self.withConnection("cannot list models") { connection in
            let columns = Self.modelVersionColumns
                .split(separator: ",")
                .map { "v." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .joined(separator: ", ")
            let rows = try connection.rows(
                """
                SELECT \(columns), m.created_at
                FROM models m
                JOIN model_versions v ON v.name = m.name AND v.version = m.latest_version
                ORDER BY m.name
                """
            )
            return try rows.map { row in
                let latest = try Self.decodeModelVersion(row)
                let createdAt = try row.decode(Int64.self, at: row.values.count - 1)
                return ModelSummary(
                    name: latest.name,
                    createdAt: Date(storeMilliseconds: createdAt),
                    latestVersion: latest
                )
            }
        }
    }

    public func modelVersions(name: String) throws -> [ModelVersionRecord] {
        try self.read("cannot list the versions of model \(name)") { connection in
            try Self.requireModel(name, in: connection)
            let rows = try connection.rows(
                """
                SELECT \(Self.modelVersionColumns) FROM model_versions
                WHERE name = ? ORDER BY version DESC
                """,
                [.text(name)]
            )
            return try rows.map(Self.decodeModelVersion)
        }
    }

    public func modelVersion(name: String, version: Int) throws -> ModelVersionRecord? {
        try self.withConnection("cannot read model \(name) version \(version)") { connection in
            try Self.selectModelVersion(name, version, in: connection)
        }
    }

    // MARK: - Helpers

    private static func selectModelVersion(
        _ name: String,
        _ version: Int,
        in connection: SQLiteConnection
    ) throws -> ModelVersionRecord? {
        let row = try connection.firstRow(
            """
            SELECT \(Self.modelVersionColumns) FROM model_versions
            WHERE name = ? AND version = ?
            """,
            [.text(name), .integer(Int64(version))]
        )
        return try row.map(Self.decodeModelVersion)
    }

    /// The version, or the error that says whether the model or only the version is
    /// missing.
    private static func requireModelVersion(
        _ name: String,
        _ version: Int,
        in connection: SQLiteConnection
    ) throws -> ModelVersionRecord {
        if let record = try self.selectModelVersion(name, version, in: connection) {
            return record
        }
        try self.requireModel(name, in: connection)
        throw CairnStorageError(
            code: .modelVersionNotFound,
            message: "model \(name) has no version \(version)"
        )
    }

    private static func requireModel(_ name: String, in connection: SQLiteConnection) throws {
        let row = try connection.firstRow("SELECT 1 FROM models WHERE name = ?", [.text(name)])
        guard row != nil else {
            throw CairnStorageError(code: .modelNotFound, message: "no model named \(name)")
        }
    }
}
