// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CSQLite
import Foundation

/// A compiled SQL statement (`sqlite3_stmt *`), finalized when the object goes away.
///
/// Bind values, then step through the rows; `bind(_:)` resets the statement, so one
/// statement can run many times:
///
/// ```swift
/// let insert = try connection.prepare("INSERT INTO events(id, type) VALUES (?, ?)")
/// for (id, type) in events {
///     try insert.bind([.integer(id), .text(type)])
///     try insert.run()
/// }
/// ```
///
/// A statement keeps its connection open and, like it, stays in one concurrency domain.
public final class SQLiteStatement {
    /// The SQL text the statement was compiled from.
    public let sql: String

    /// The names of the result columns; empty for statements that return no rows.
    public let columnNames: [String]

    /// The number of `?` parameters.
    public let parameterCount: Int

    private let connection: SQLiteConnection
    private let handle: OpaquePointer

    init(connection: SQLiteConnection, sql: String) throws(CairnSQLiteError) {
        let handle = try connection.withHandle {
            (database) throws(CairnSQLiteError) -> OpaquePointer in
            try Self.compile(sql, in: database)
        }
        self.sql = sql
        self.connection = connection
        self.handle = handle
        self.parameterCount = Int(sqlite3_bind_parameter_count(handle))
        self.columnNames = (0..<sqlite3_column_count(handle)).map { index in
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        sqlite3_finalize(self.handle)
    }

    private static func compile(
        _ sql: String,
        in database: OpaquePointer
    ) throws(CairnSQLiteError) -> OpaquePointer {
        var statement: OpaquePointer?
        var trailingSQL = ""
        let resultCode = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let resultCode = sqlite3_prepare_v2(database, text, -1, &statement, &tail)
            trailingSQL = tail.map { String(cString: $0) } ?? ""
            return resultCode
        }
        if resultCode != SQLITE_OK {
            sqlite3_finalize(statement)
            throw CairnSQLiteError(resultCode: resultCode, database: database, sql: sql)
        }
        guard let statement else {
            throw CairnSQLiteError(code: .misuse, message: "no SQL statement", sql: sql)
        }
        guard trailingSQL.allSatisfy({ $0.isWhitespace || $0 == ";" }) else {
            sqlite3_finalize(statement)
            throw CairnSQLiteError(
                code: .misuse,
                message: "more than one SQL statement; use execute(_:) for scripts",
                sql: sql
            )
        }
        return statement
    }
}

@available(*, unavailable, message: "a statement must stay in one concurrency domain")
extension SQLiteStatement: Sendable {}

// MARK: - Binding

extension SQLiteStatement {
    /// Resets the statement and binds one value per `?` parameter, in order.
    ///
    /// - Parameter arguments: Exactly `parameterCount` values.
    /// - Throws: `CairnSQLiteError` with code `range` when the count is wrong, or
    ///   SQLite's error from `sqlite3_bind_*`.
    public func bind(_ arguments: [SQLiteValue]) throws(CairnSQLiteError) {
        guard arguments.count == self.parameterCount else {
            throw CairnSQLiteError(
                code: .range,
                message: "\(arguments.count) values for \(self.parameterCount) parameters",
                sql: self.sql
            )
        }
        self.reset()
        for (offset, value) in arguments.enumerated() {
            try self.bind(value, at: offset + 1)
        }
    }

    /// Binds one value with the matching
    /// [`sqlite3_bind_*`](https://www.sqlite.org/c3ref/bind_blob.html) function.
    ///
    /// - Parameters:
    ///   - value: The value; text and blobs are copied by SQLite.
    ///   - index: The parameter, counting from 1 as SQLite does.
    /// - Throws: `CairnSQLiteError`, with code `range` for a bad index.
    public func bind(_ value: SQLiteValue, at index: Int) throws(CairnSQLiteError) {
        let position = Int32(clamping: index)
        let statement = self.handle
        try self.connection.withHandle { (database) throws(CairnSQLiteError) in
            let resultCode: Int32 =
                switch value {
                case .null: sqlite3_bind_null(statement, position)
                case .integer(let number): sqlite3_bind_int64(statement, position, number)
                case .real(let number): sqlite3_bind_double(statement, position, number)
                case .text(let text): Self.bindText(text, to: statement, at: position)
                case .blob(let bytes): Self.bindBlob(bytes, to: statement, at: position)
                }
            try CairnSQLiteError.check(resultCode, database: database, sql: self.sql)
        }
    }

    private static func bindText(
        _ text: String,
        to statement: OpaquePointer,
        at position: Int32
    ) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // A nil pointer would bind NULL, so empty text gets a real (empty) C string.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(statement, position, "", 0, sqliteTransient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                sqlite3_bind_text64(
                    statement,
                    position,
                    pointer,
                    UInt64(bytes.count),
                    sqliteTransient,
                    UInt8(SQLITE_UTF8)
                )
            }
        }
    }

    private static func bindBlob(
        _ bytes: Data,
        to statement: OpaquePointer,
        at position: Int32
    ) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            // As with text, a nil pointer would mean NULL rather than an empty blob.
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return sqlite3_bind_zeroblob(statement, position, 0)
            }
            return sqlite3_bind_blob64(
                statement,
                position,
                base,
                UInt64(buffer.count),
                sqliteTransient
            )
        }
    }

    /// SQLite's `SQLITE_TRANSIENT` sentinel: "copy the bytes now". The C macro is a cast
    /// of -1 to a function pointer, which Swift cannot import.
    private static var sqliteTransient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }
}

// MARK: - Stepping

extension SQLiteStatement {
    /// Advances to the next row with [`sqlite3_step`](https://www.sqlite.org/c3ref/step.html).
    ///
    /// - Returns: The row, or `nil` when the statement has finished.
    /// - Throws: `CairnSQLiteError`, such as `SQLITE_CONSTRAINT_PRIMARYKEY` or
    ///   `SQLITE_BUSY`.
    @discardableResult
    public func step() throws(CairnSQLiteError) -> SQLiteRow? {
        let statement = self.handle
        return try self.connection.withHandle {
            (database) throws(CairnSQLiteError) -> SQLiteRow? in
            let resultCode = sqlite3_step(statement)
            switch resultCode {
            case SQLITE_ROW:
                return SQLiteRow(columnNames: self.columnNames, values: self.currentValues())
            case SQLITE_DONE:
                return nil
            default:
                throw CairnSQLiteError(resultCode: resultCode, database: database, sql: self.sql)
            }
        }
    }

    /// Steps until the statement finishes, ignoring any rows.
    ///
    /// - Throws: `CairnSQLiteError` from the step that failed.
    public func run() throws(CairnSQLiteError) {
        while try self.step() != nil {}
    }

    /// Steps until the statement finishes and collects every row.
    ///
    /// - Throws: `CairnSQLiteError` from the step that failed.
    public func rows() throws(CairnSQLiteError) -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        while let row = try self.step() {
            rows.append(row)
        }
        return rows
    }

    /// Rewinds the statement so it can run again; bound values stay
    /// ([`sqlite3_reset`](https://www.sqlite.org/c3ref/reset.html)).
    ///
    /// After a failed step SQLite's reset repeats that step's error; it is dropped here
    /// because `step` already threw it.
    public func reset() {
        let statement = self.handle
        self.connection.withHandle { _ in
            _ = sqlite3_reset(statement)
        }
    }

    /// Copies the current row's values; runs inside `withHandle`.
    private func currentValues() -> [SQLiteValue] {
        (0..<Int32(self.columnNames.count)).map { column in
            switch sqlite3_column_type(self.handle, column) {
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(self.handle, column))
            case SQLITE_FLOAT:
                return .real(sqlite3_column_double(self.handle, column))
            case SQLITE_TEXT:
                // column_text must come before column_bytes, which then measures the text.
                let text = sqlite3_column_text(self.handle, column)
                let count = Int(sqlite3_column_bytes(self.handle, column))
                guard let text else { return .text("") }
                let bytes = UnsafeBufferPointer(start: text, count: count)
                return .text(String(decoding: bytes, as: UTF8.self))
            case SQLITE_BLOB:
                let bytes = sqlite3_column_blob(self.handle, column)
                let count = Int(sqlite3_column_bytes(self.handle, column))
                guard let bytes else { return .blob(Data()) }
                return .blob(Data(bytes: bytes, count: count))
            default:
                return .null
            }
        }
    }
}
