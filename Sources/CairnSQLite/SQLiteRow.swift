// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// One result row, copied out of SQLite so it stays valid after the statement moves on.
///
/// ```swift
/// let row = try statement.step()
/// let name: String = try row.decode(at: 0)
/// let stoppedAt: Int64? = try row.decode(at: 1)
/// ```
public struct SQLiteRow: Sendable, Hashable {
    /// The result column names, as `sqlite3_column_name` reports them.
    public let columnNames: [String]

    /// The values, in column order.
    public let values: [SQLiteValue]

    /// Creates a row from names and values of equal count.
    public init(columnNames: [String], values: [SQLiteValue]) {
        precondition(columnNames.count == values.count, "one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// The value in column `index`, counting from 0.
    public subscript(index: Int) -> SQLiteValue {
        self.values[index]
    }

    /// The value in the first column named `name`, or `nil` when there is none.
    public subscript(name: String) -> SQLiteValue? {
        self.columnNames.firstIndex(of: name).map { self.values[$0] }
    }

    /// Reads column `index` as a Swift type.
    ///
    /// - Parameters:
    ///   - type: The type to read; usually inferred.
    ///   - index: The column, counting from 0.
    /// - Returns: The converted value.
    /// - Throws: `CairnSQLiteError` with code `range` for a column that does not exist, or
    ///   `mismatch` when the stored value does not fit the type (such as `NULL` read as a
    ///   non-optional).
    public func decode<Value: SQLiteValueConvertible>(
        _ type: Value.Type = Value.self,
        at index: Int
    ) throws(CairnSQLiteError) -> Value {
        guard self.values.indices.contains(index) else {
            throw CairnSQLiteError(
                code: .range,
                message: "column \(index) is out of range (\(self.values.count) columns)"
            )
        }
        let value = self.values[index]
        guard let converted = Value(sqliteValue: value) else {
            throw CairnSQLiteError(
                code: .mismatch,
                message: "column \(self.columnNames[index]) holds \(value.typeName), "
                    + "not \(Value.self)"
            )
        }
        return converted
    }
}
