// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import Foundation

/// Brings a database's schema up to date, or refuses a database that is newer than the code.
enum SchemaMigrator {
    /// Applies every migration the database lacks, in order, each in its own transaction.
    ///
    /// Two processes opening the same new database at once are safe: each migration's
    /// transaction takes the write lock and checks again whether the migration has run.
    ///
    /// - Parameters:
    ///   - connection: An open connection with its busy timeout set.
    ///   - migrations: The known migrations, in increasing version order.
    /// - Throws: `CairnStorageError` with code `schemaTooNew` when the database has a
    ///   migration newer than the newest known one, or `migrationFailed`.
    static func migrate(
        _ connection: SQLiteConnection,
        migrations: [SchemaMigration] = SchemaMigration.all
    ) throws {
        let newestKnown = migrations.last?.version ?? 0

        // The bookkeeping table comes first; creating it is idempotent.
        do {
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER NOT NULL PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at INTEGER NOT NULL
                )
                """
            )
        } catch {
            throw CairnStorageError(
                code: .migrationFailed,
                message: "cannot create the schema_migrations table",
                cause: error
            )
        }

        // A newer Cairn may have changed tables in ways this build would misread.
        let current = try self.currentVersion(connection)
        guard current <= newestKnown else {
            throw CairnStorageError(
                code: .schemaTooNew,
                message: "the database has schema version \(current), but this build of "
                    + "Cairn knows versions up to \(newestKnown); use a newer Cairn"
            )
        }

        for migration in migrations where migration.version > current {
            try self.apply(migration, to: connection)
        }
    }

    /// The highest applied migration, or 0 for a new database.
    static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        do {
            let row = try connection.firstRow("SELECT MAX(version) FROM schema_migrations")
            return try row?.decode(Int?.self, at: 0) ?? 0
        } catch {
            throw CairnStorageError(
                code: .migrationFailed,
                message: "cannot read the schema version",
                cause: error
            )
        }
    }

    private static func apply(
        _ migration: SchemaMigration,
        to connection: SQLiteConnection
    ) throws {
        do {
            try connection.transaction(.immediate) {
                let isApplied = try connection.firstRow(
                    "SELECT 1 FROM schema_migrations WHERE version = ?",
                    [.integer(Int64(migration.version))]
                )
                guard isApplied == nil else { return }

                try connection.execute(migration.sql)
                try connection.execute(
                    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                    [
                        .integer(Int64(migration.version)),
                        .text(migration.name),
                        .integer(Date().storeMilliseconds),
                    ]
                )
            }
        } catch {
            throw CairnStorageError(
                code: .migrationFailed,
                message: "migration \(migration.version) (\(migration.name)) failed "
                    + "and was rolled back",
                cause: error
            )
        }
    }
}
