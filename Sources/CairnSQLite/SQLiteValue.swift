// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// One value as SQLite stores it: one of its five
/// [storage classes](https://www.sqlite.org/datatype3.html).
///
/// Values are bound to statement parameters and read back from result columns.
/// Literals work where a value is expected:
///
/// ```swift
/// try connection.execute(
///     "INSERT INTO runs(id, name, score) VALUES (?, ?, ?)",
///     [42, "nightly", .null]
/// )
/// ```
public enum SQLiteValue: Sendable, Hashable {
    /// `NULL`.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes, stored as they are.
    case blob(Data)

    /// `true` for `NULL`.
    public var isNull: Bool {
        self == .null
    }

    /// The name of the storage class, as `typeof()` spells it in SQL.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}

// MARK: - Literals and optionals

extension SQLiteValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) {
        self = .null
    }

    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    public init(floatLiteral value: Double) {
        self = .real(value)
    }

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// Wraps any convertible value; `nil` becomes `NULL`.
    ///
    /// - Parameter value: An `Int`, `Int64`, `Double`, `String`, `Data`, `Bool`, or an
    ///   optional of one of them.
    public init(_ value: some SQLiteValueConvertible) {
        self = value.sqliteValue
    }
}
