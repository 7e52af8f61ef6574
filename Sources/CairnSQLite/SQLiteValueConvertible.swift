// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A Swift type that can be bound to a statement parameter and read from a result column.
///
/// `Optional` conforms when its wrapped type does: `nil` is `NULL`, and reading `NULL`
/// into a non-optional type is an `SQLITE_MISMATCH` error rather than a default value.
public protocol SQLiteValueConvertible {
    /// The value to bind.
    var sqliteValue: SQLiteValue { get }

    /// Reads a column value, or returns `nil` when the value does not fit this type.
    init?(sqliteValue: SQLiteValue)
}

extension Int64: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        .integer(self)
    }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        .integer(Int64(self))
    }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let exact = Int(exactly: value) else {
            return nil
        }
        self = exact
    }
}

extension Bool: SQLiteValueConvertible {
    /// `1` or `0`, as SQLite's own boolean expressions produce.
    public var sqliteValue: SQLiteValue {
        .integer(self ? 1 : 0)
    }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension Double: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        .real(self)
    }

    /// Reads a real, or an integer widened to a double.
    public init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        .text(self)
    }

    public init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Data: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        .blob(self)
    }

    public init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue {
        self?.sqliteValue ?? .null
    }

    public init?(sqliteValue: SQLiteValue) {
        if sqliteValue == .null {
            self = .none
        } else if let wrapped = Wrapped(sqliteValue: sqliteValue) {
            self = .some(wrapped)
        } else {
            return nil
        }
    }
}
