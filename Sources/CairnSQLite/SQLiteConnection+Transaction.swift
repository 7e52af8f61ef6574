// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension SQLiteConnection {
    /// Runs `body` inside a transaction: it commits when `body` returns and rolls back
    /// when `body` throws or the commit fails.
    ///
    /// Called while a transaction is already open, it runs `body` inside a
    /// [savepoint](https://www.sqlite.org/lang_savepoint.html) instead, so only that part
    /// is undone on failure and the outer transaction decides the rest.
    ///
    /// ```swift
    /// try connection.transaction(.immediate) {
    ///     try connection.execute("UPDATE jobs SET state = ? WHERE id = ?", ["done", 7])
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - kind: When the locks are taken; `immediate` (the default) for writes.
    ///   - body: The work; it may throw any error.
    /// - Returns: What `body` returned.
    /// - Throws: The error `body` threw, or `CairnSQLiteError` when BEGIN or COMMIT fails
    ///   (for example `SQLITE_BUSY` once the busy timeout has passed).
    public func transaction<Result>(
        _ kind: TransactionKind = .immediate,
        _ body: () throws -> Result
    ) throws -> Result {
        if self.isInTransaction {
            return try self.inSavepoint(body)
        }

        try self.execute("BEGIN \(kind.keyword) TRANSACTION")
        let result: Result
        do {
            result = try body()
            try self.execute("COMMIT TRANSACTION")
        } catch {
            self.rollBackIfOpen()
            throw error
        }
        return result
    }

    private func inSavepoint<Result>(_ body: () throws -> Result) throws -> Result {
        let name = self.pushSavepoint()
        defer { self.popSavepoint() }

        try self.execute("SAVEPOINT \(name)")
        let result: Result
        do {
            result = try body()
            try self.execute("RELEASE SAVEPOINT \(name)")
        } catch {
            // ROLLBACK TO keeps the savepoint open; RELEASE then removes it.
            try? self.execute("ROLLBACK TO SAVEPOINT \(name)")
            try? self.execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
        return result
    }

    /// Rolls back, unless SQLite already did so itself (it does after some errors, such
    /// as `SQLITE_FULL`), in which case a ROLLBACK would only fail.
    private func rollBackIfOpen() {
        guard self.isInTransaction else { return }
        try? self.execute("ROLLBACK TRANSACTION")
    }
}
