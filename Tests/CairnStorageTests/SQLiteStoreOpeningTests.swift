// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import CairnStorage
import CairnTestSupport
import Foundation
import Testing

@Suite struct SQLiteStoreOpeningTests {
    /// The applied migrations, read with a separate connection.
    private func appliedMigrations(at path: String) throws -> [SQLiteRow] {
        let connection = try SQLiteConnection(path: path, flags: .readOnly)
        return try connection.rows("SELECT version, name, applied_at FROM schema_migrations")
    }

    @Test func migrationsApplyInOrderOnANewFile() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.makeStore()

        let rows = try self.appliedMigrations(at: folder.path("cairn.db"))
        #expect(rows.map { $0[0] } == [1, 2, 3, 4])
        #expect(rows.map { $0[1] } == [
            "executions-history-checkpoints", "model-registry", "work-queue-inbox", "triggers",
        ])
        #expect(SQLiteStore.newestSchemaVersion == 4)
    }

    @Test func reopeningAppliesNothing() throws {
        let folder = try TemporaryDirectory()
        try StoreFixtures.create("e-1", in: folder.makeStore())
        let before = try self.appliedMigrations(at: folder.path("cairn.db"))

        let reopened = try folder.makeStore()

        #expect(try self.appliedMigrations(at: folder.path("cairn.db")) == before)
        #expect(try reopened.execution(id: "e-1")?.status == .running)
    }

    @Test func aDatabaseFromANewerCairnIsRefused() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.makeStore()
        let connection = try SQLiteConnection(path: folder.path("cairn.db"))
        try connection.execute(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (5, 'future', 0)"
        )

        let error = #expect(throws: CairnStorageError.self) { try folder.makeStore() }
        #expect(error?.code == .schemaTooNew)
        #expect(
            error?.description
                == "schemaTooNew: the database has schema version 5, but this build of Cairn "
                + "knows versions up to 4; use a newer Cairn"
        )
    }

    @Test func walModeSynchronousFullAndForeignKeysAreOn() throws {
        let folder = try TemporaryDirectory()
        let store = try folder.makeStore()

        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")  // FULL
        #expect(try store.pragma("foreign_keys") == "1")
        #expect(try store.pragma("busy_timeout") == "5000")

        // WAL is a property of the file, so another connection sees it too.
        let other = try SQLiteConnection(path: folder.path("cairn.db"), flags: .readOnly)
        #expect(try other.pragma("journal_mode") == .text("wal"))
    }

    @Test func synchronousNormalCanBeChosen() throws {
        let folder = try TemporaryDirectory()
        let options = SQLiteStore.Options(synchronous: .normal, busyTimeout: .milliseconds(250))
        let store = try folder.makeStore(options: options)

        #expect(try store.pragma("synchronous") == "1")  // NORMAL
        #expect(try store.pragma("busy_timeout") == "250")
    }

    @Test func missingParentFoldersAreCreated() throws {
        let folder = try TemporaryDirectory()
        let store = try folder.makeStore(named: "a/b/cairn.db")

        #expect(FileManager.default.fileExists(atPath: folder.path("a/b/cairn.db")))
        #expect(try store.checkIntegrity() == [])
    }

    @Test func integrityCheckIsOkAfterWork() throws {
        let folder = try TemporaryDirectory()
        let store = try folder.makeStore()
        try StoreFixtures.create("e-1", in: store)
        _ = try store.registerModelVersion(
            NewModelVersion(
                name: "churn", artifactPath: "m", artifactSHA256: "00",
                createdAt: StoreFixtures.time(0))
        )

        #expect(try store.checkIntegrity() == [])
        let connection = try SQLiteConnection(path: folder.path("cairn.db"), flags: .readOnly)
        #expect(try connection.pragma("integrity_check") == .text("ok"))
    }

    @Test func inMemoryStoreWorksWithoutWAL() throws {
        let store = try SQLiteStore(path: ":memory:")
        try StoreFixtures.create("e-1", in: store)

        #expect(try store.pragma("journal_mode") == "memory")
        #expect(try store.execution(id: "e-1")?.id == "e-1")
    }

    @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
        let folder = try TemporaryDirectory()
        try Data("not a database, just text that is long enough".utf8)
            .write(to: URL(fileURLWithPath: folder.path("cairn.db")))

        let error = #expect(throws: CairnStorageError.self) { try folder.makeStore() }
        #expect(error?.code == .cannotOpen)
        #expect((error?.cause as? CairnSQLiteError)?.code == .notADatabase)
    }
}
