// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CSQLite
import Synchronization

/// One open SQLite database connection (`sqlite3 *`), closed when the object goes away.
///
/// A connection is not `Sendable`: the compiler keeps it inside one concurrency domain, and
/// anything that must share it wraps it in a serial owner (an actor, or a `Mutex`, as
/// `SQLiteStore` does). As a second line of defence every call into SQLite checks that no
/// other thread is inside the same connection at that moment, and stops the process if one
/// is, because interleaved use would silently mix two callers' transactions.
///
/// ```swift
/// let connection = try SQLiteConnection(path: "/var/lib/cairn/cairn.db")
/// try connection.setBusyTimeout(.seconds(5))
/// try connection.transaction {
///     try connection.execute("INSERT INTO runs(id) VALUES (?)", ["r-1"])
/// }
/// let rows = try connection.rows("SELECT id FROM runs")
/// ```
public final class SQLiteConnection {
    /// The path or name the connection was opened with; `:memory:` for an in-memory one.
    public let path: String

    private let handle: OpaquePointer

    /// Set while a thread is inside SQLite on this connection.
    private let isInUse = Atomic<Bool>(false)

    /// How deep nested `transaction` calls are, to name their savepoints.
    private var savepointDepth = 0

    /// Opens a connection with
    /// [`sqlite3_open_v2`](https://www.sqlite.org/c3ref/open.html) and turns on extended
    /// result codes.
    ///
    /// - Parameters:
    ///   - path: A file path, or `:memory:` for a private in-memory database.
    ///   - flags: How to open it; by default read-write, creating the file when needed.
    /// - Throws: `CairnSQLiteError`, typically `SQLITE_CANTOPEN`, when the file cannot be
    ///   opened.
    public init(
        path: String,
        flags: OpenFlags = .readWriteCreate
    ) throws(CairnSQLiteError) {
        var handle: OpaquePointer?
        let resultCode = sqlite3_open_v2(path, &handle, flags.rawValue, nil)
        guard let handle else {
            throw CairnSQLiteError(code: .noMemory, message: "sqlite3_open_v2 gave no handle")
        }
        guard resultCode == SQLITE_OK else {
            // A failed open still allocates a handle, which must be closed.
            let error = CairnSQLiteError(resultCode: resultCode, database: handle)
            sqlite3_close_v2(handle)
            throw error
        }
        sqlite3_extended_result_codes(handle, 1)
        self.path = path
        self.handle = handle
    }

    deinit {
        // `close_v2` defers the close if statements are still alive; ours keep the
        // connection alive, so by now there are none.
        sqlite3_close_v2(self.handle)
    }

    /// Runs `body` with the raw handle, after making sure no other thread is using it.
    ///
    /// The pointer must not escape `body`.
    func withHandle<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let (isExclusive, _) = self.isInUse.compareExchange(
            expected: false,
            desired: true,
            ordering: .acquiring
        )
        precondition(isExclusive, "SQLiteConnection \(self.path) used by two threads at once")
        defer { self.isInUse.store(false, ordering: .releasing) }
        return try body(self.handle)
    }
}

@available(*, unavailable, message: "a connection must stay in one concurrency domain")
extension SQLiteConnection: Sendable {}

// MARK: - Running SQL

extension SQLiteConnection {
    /// Runs one or more statements separated by semicolons, with
    /// [`sqlite3_exec`](https://www.sqlite.org/c3ref/exec.html); rows are discarded.
    ///
    /// - Parameter sql: The SQL text; it must not need bound values.
    /// - Throws: `CairnSQLiteError` from the first statement that fails.
    public func execute(_ sql: String) throws(CairnSQLiteError) {
        try self.withHandle { (database) throws(CairnSQLiteError) in
            var message: UnsafeMutablePointer<CChar>?
            let resultCode = sqlite3_exec(database, sql, nil, nil, &message)
            sqlite3_free(message)
            try CairnSQLiteError.check(resultCode, database: database, sql: sql)
        }
    }

    /// Runs one statement with bound values to completion; rows are discarded.
    ///
    /// - Parameters:
    ///   - sql: One statement with `?` placeholders.
    ///   - arguments: One value per placeholder.
    /// - Throws: `CairnSQLiteError` when preparing, binding or stepping fails.
    public func execute(_ sql: String, _ arguments: [SQLiteValue]) throws(CairnSQLiteError) {
        let statement = try self.prepare(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs one statement and returns all of its rows.
    ///
    /// - Parameters:
    ///   - sql: One statement with `?` placeholders.
    ///   - arguments: One value per placeholder.
    /// - Returns: The rows, in the order SQLite produced them.
    /// - Throws: `CairnSQLiteError` when preparing, binding or stepping fails.
    public func rows(
        _ sql: String,
        _ arguments: [SQLiteValue] = []
    ) throws(CairnSQLiteError) -> [SQLiteRow] {
        let statement = try self.prepare(sql)
        try statement.bind(arguments)
        return try statement.rows()
    }

    /// Runs one statement and returns its first row, or `nil` when there is none.
    ///
    /// - Throws: `CairnSQLiteError` when preparing, binding or stepping fails.
    public func firstRow(
        _ sql: String,
        _ arguments: [SQLiteValue] = []
    ) throws(CairnSQLiteError) -> SQLiteRow? {
        let statement = try self.prepare(sql)
        try statement.bind(arguments)
        return try statement.step()
    }

    /// Compiles one statement with
    /// [`sqlite3_prepare_v2`](https://www.sqlite.org/c3ref/prepare.html).
    ///
    /// - Parameter sql: Exactly one SQL statement; a trailing semicolon is fine.
    /// - Returns: The statement, ready to bind and step.
    /// - Throws: `CairnSQLiteError` for invalid SQL (`SQLITE_ERROR`), or `SQLITE_MISUSE`
    ///   when the text holds no statement or more than one.
    public func prepare(_ sql: String) throws(CairnSQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }
}

// MARK: - Connection state

extension SQLiteConnection {
    /// Sets how long a statement waits for another connection's lock before failing with
    /// `SQLITE_BUSY`, with
    /// [`sqlite3_busy_timeout`](https://www.sqlite.org/c3ref/busy_timeout.html).
    ///
    /// - Parameter timeout: The longest wait; zero turns waiting off.
    /// - Throws: `CairnSQLiteError` if SQLite refuses the setting.
    public func setBusyTimeout(_ timeout: Duration) throws(CairnSQLiteError) {
        let (seconds, attoseconds) = timeout.components
        // Clamping the seconds first keeps the multiplication from overflowing.
        let milliseconds =
            min(seconds, Int64(Int32.max)) * 1_000 + attoseconds / 1_000_000_000_000_000
        let clamped = Int32(clamping: max(0, milliseconds))
        try self.withHandle { (database) throws(CairnSQLiteError) in
            let resultCode = sqlite3_busy_timeout(database, clamped)
            try CairnSQLiteError.check(resultCode, database: database)
        }
    }

    /// `true` while a transaction is open, that is, when the connection is not in
    /// autocommit mode
    /// ([`sqlite3_get_autocommit`](https://www.sqlite.org/c3ref/get_autocommit.html)).
    public var isInTransaction: Bool {
        self.withHandle { sqlite3_get_autocommit($0) == 0 }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE
    /// ([`sqlite3_changes64`](https://www.sqlite.org/c3ref/changes.html)).
    public var changes: Int {
        self.withHandle { Int(sqlite3_changes64($0)) }
    }

    /// The rowid of the last inserted row
    /// ([`sqlite3_last_insert_rowid`](https://www.sqlite.org/c3ref/last_insert_rowid.html)).
    public var lastInsertRowID: Int64 {
        self.withHandle { sqlite3_last_insert_rowid($0) }
    }
}

// MARK: - Savepoint bookkeeping

extension SQLiteConnection {
    /// Reserves the next savepoint name for a nested transaction.
    func pushSavepoint() -> String {
        self.savepointDepth += 1
        return "cairn_savepoint_\(self.savepointDepth)"
    }

    /// Releases the name reserved by `pushSavepoint`.
    func popSavepoint() {
        self.savepointDepth -= 1
    }
}
