// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A failure reported by SQLite, or a misuse of the wrapper caught before it reached SQLite.
///
/// The error keeps SQLite's own result code, both the primary code (`SQLITE_CONSTRAINT`) and
/// the extended one (`SQLITE_CONSTRAINT_PRIMARYKEY`), so a failure can be looked up in
/// [SQLite's result code list](https://www.sqlite.org/rescode.html).
///
/// ```swift
/// do {
///     try connection.execute("INSERT INTO t(id) VALUES (1)")
/// } catch where error.code == .constraint {
///     print(error.extendedCode.name)  // "SQLITE_CONSTRAINT_PRIMARYKEY"
/// }
/// ```
public struct CairnSQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code, such as `SQLITE_BUSY`; compare it with the static members.
    public var code: Code {
        self.extendedCode.primary
    }

    /// The extended result code, such as `SQLITE_BUSY_SNAPSHOT`; equal to `code` when
    /// SQLite gave no detail.
    public var extendedCode: Code

    /// SQLite's message (`sqlite3_errmsg`) or the wrapper's own explanation.
    public var message: String

    /// The SQL text of the statement that failed, when there was one.
    ///
    /// Only the text with its `?` placeholders is kept; bound values never appear here,
    /// because they may hold execution payloads or secrets.
    public var sql: String?

    /// Creates an error from a result code and a message.
    ///
    /// - Parameters:
    ///   - code: The extended (or primary) result code.
    ///   - message: What went wrong, in words.
    ///   - sql: The statement text, without bound values.
    public init(code: Code, message: String, sql: String? = nil) {
        self.extendedCode = code
        self.message = message
        self.sql = sql
    }

    /// `SQLITE_NAME: message (in: SQL)` on one line.
    public var description: String {
        let statement = self.sql.map { " (in: \($0))" } ?? ""
        return "\(self.extendedCode.name): \(self.message)\(statement)"
    }
}
