// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import Foundation
import Synchronization

/// The embedded store: one SQLite database file in WAL mode.
///
/// Opening a store creates the file and its folder when needed, turns on WAL mode,
/// `synchronous=FULL` (see `Options`), foreign keys and a busy timeout, and applies any
/// schema migrations the file lacks. `:memory:` opens a private in-memory database that
/// disappears with the store; it cannot use WAL, so its journal stays in memory.
///
/// The store owns one connection and serialises every call on it with a mutex, so it
/// can be shared between threads; callers that block are those that wait for the mutex
/// or for another process's lock.
///
/// ```swift
/// let store = try SQLiteStore(path: "/var/lib/cairn/cairn.db")
/// let running = try store.executions(status: .running)
/// ```
public final class SQLiteStore: Store {
    /// The database path, or `:memory:`.
    public let path: String

    /// The options the store was opened with.
    public let options: Options

    private let connection: Mutex<SQLiteConnection>

    /// The newest schema version this build knows; a database above it is refused.
    public static var newestSchemaVersion: Int {
        SchemaMigration.all.last?.version ?? 0
    }

    /// Opens (and if needed creates and migrates) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: A file path, whose parent folders are created when missing, or
    ///     `:memory:`.
    ///   - options: Durability and lock waiting; see `Options`.
    /// - Throws: `CairnStorageError` with code `cannotOpen` when the file or folder cannot
    ///   be created or set up, `schemaTooNew` when a newer Cairn wrote the database, or
    ///   `migrationFailed`.
    public init(path: String, options: Options = Options()) throws {
        let isInMemory = path == ":memory:"
        if !isInMemory {
            try Self.createParentDirectory(of: path)
        }

        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(path: path)
            try Self.configure(connection, options: options, isInMemory: isInMemory)
        } catch let error as CairnStorageError {
            throw error
        } catch {
            throw CairnStorageError(
                code: .cannotOpen,
                message: "cannot open the database \(path)",
                cause: error
            )
        }
        try SchemaMigrator.migrate(connection)

        self.path = path
        self.options = options
        self.connection = Mutex(connection)
    }

    private static func createParentDirectory(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder,
                withIntermediateDirectories: true
            )
        } catch {
            throw CairnStorageError(
                code: .cannotOpen,
                message: "cannot create the folder \(folder.path) for the database",
                cause: error
            )
        }
    }

    private static func configure(
        _ connection: SQLiteConnection,
        options: Options,
        isInMemory: Bool
    ) throws {
        // The busy timeout must be in place before anything can meet another's lock.
        try connection.setBusyTimeout(options.busyTimeout)
        try connection.setPragma("foreign_keys", to: "ON")

        // journal_mode answers with the mode in effect, which is not WAL when the file
        // system cannot support it; running without it would break the concurrency and
        // durability Cairn promises, so that is an error.
        if !isInMemory {
            let mode = try connection.setPragma("journal_mode", to: "WAL")
            guard case .text(let name) = mode, name.lowercased() == "wal" else {
                throw CairnStorageError(
                    code: .cannotOpen,
                    message: "cannot switch the database to WAL mode (journal_mode is \(mode))"
                )
            }
        }
        try connection.setPragma("synchronous", to: options.synchronous.rawValue)
    }
}

// MARK: - Running work on the connection

extension SQLiteStore {
    /// Runs `body` on the connection, holding the store's mutex, and turns SQLite errors
    /// into `CairnStorageError`.
    ///
    /// - Parameters:
    ///   - context: What the store was doing, for the error message.
    ///   - body: The work; it may throw `CairnStorageError` itself.
    func withConnection<Result: Sendable>(
        _ context: @autoclosure () -> String,
        _ body: (SQLiteConnection) throws -> Result
    ) throws -> Result {
        do {
            return try self.connection.withLock { connection in
                try body(connection)
            }
        } catch let error as CairnStorageError {
            throw error
        } catch let error as CairnSQLiteError {
            let isBusy = error.code == .busy || error.code == .locked
            throw CairnStorageError(
                code: isBusy ? .busy : .database,
                message: context(),
                cause: error
            )
        } catch {
            throw CairnStorageError(code: .database, message: context(), cause: error)
        }
    }

    /// Runs `body` in a write (`BEGIN IMMEDIATE`) transaction; see `withConnection`.
    func write<Result: Sendable>(
        _ context: @autoclosure () -> String,
        _ body: (SQLiteConnection) throws -> Result
    ) throws -> Result {
        try self.withConnection(context()) { connection in
            try connection.transaction(.immediate) { try body(connection) }
        }
    }

    /// Runs `body` in a read (`BEGIN DEFERRED`) transaction, so that the reads it makes
    /// see one consistent snapshot; see `withConnection`.
    func read<Result: Sendable>(
        _ context: @autoclosure () -> String,
        _ body: (SQLiteConnection) throws -> Result
    ) throws -> Result {
        try self.withConnection(context()) { connection in
            try connection.transaction(.deferred) { try body(connection) }
        }
    }
}

// MARK: - Diagnostics

extension SQLiteStore {
    /// Reads a [PRAGMA](https://www.sqlite.org/pragma.html) on the store's connection, as
    /// text: `journal_mode` gives `wal`, `synchronous` gives `2` for FULL and `1` for
    /// NORMAL, `foreign_keys` gives `1` when on.
    ///
    /// - Parameter name: The pragma's name.
    /// - Returns: The first value it returns, as text; empty when it returns none.
    /// - Throws: `CairnStorageError` for an invalid name or a database failure.
    public func pragma(_ name: String) throws -> String {
        try self.withConnection("cannot read PRAGMA \(name)") { connection in
            switch try connection.pragma(name) {
            case .null: ""
            case .integer(let value): String(value)
            case .real(let value): String(value)
            case .text(let value): value
            case .blob(let value): value.base64EncodedString()
            }
        }
    }

    /// Runs SQLite's `PRAGMA integrity_check` over the whole database.
    ///
    /// - Returns: The problems found; empty when the database is sound.
    /// - Throws: `CairnStorageError` when the check cannot run.
    public func checkIntegrity() throws -> [String] {
        try self.withConnection("cannot check the database's integrity") { connection in
            let rows = try connection.rows("PRAGMA integrity_check")
            let lines = try rows.map { try $0.decode(String.self, at: 0) }
            return lines == ["ok"] ? [] : lines
        }
    }
}
