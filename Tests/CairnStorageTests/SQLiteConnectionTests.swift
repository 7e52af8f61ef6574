// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import Foundation
import Testing

@Suite struct SQLiteConnectionTests {
    static let values: [SQLiteValue] = [
        .null, .integer(0), .integer(Int64.min), .integer(Int64.max), .real(-2.5),
        .text(""), .text("grüße\u{0}after-nul"), .blob(Data()), .blob(Data([0, 1, 255])),
    ]

    @Test(arguments: values)
    func valueRoundTripsThroughAColumn(value: SQLiteValue) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v)")
        try connection.execute("INSERT INTO t(v) VALUES (?)", [value])

        let row = try #require(try connection.firstRow("SELECT v, typeof(v) FROM t"))
        #expect(row[0] == value)
        #expect(row[1] == .text(value.typeName))
    }

    @Test func decodingNullIntoANonOptionalIsAMismatch() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let row = try #require(try connection.firstRow("SELECT NULL AS stopped_at, 7"))

        #expect(try row.decode(Int?.self, at: 0) == nil)
        #expect(try row.decode(Int.self, at: 1) == 7)
        let error = #expect(throws: CairnSQLiteError.self) { try row.decode(String.self, at: 0) }
        #expect(error?.code == .mismatch)
        #expect(error?.message == "column stopped_at holds null, not String")
    }

    @Test func constraintErrorKeepsItsExtendedCodeAndCName() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(id INTEGER NOT NULL, k TEXT, PRIMARY KEY (id, k))")
        try connection.execute("INSERT INTO t VALUES (1, 'a')")

        let error = #expect(throws: CairnSQLiteError.self) {
            try connection.execute("INSERT INTO t VALUES (?, ?)", [1, "a"])
        }
        #expect(error?.code == .constraint)
        #expect(error?.extendedCode == .constraintPrimaryKey)
        #expect(
            error?.description
                == "SQLITE_CONSTRAINT_PRIMARYKEY: UNIQUE constraint failed: t.id, t.k "
                + "(in: INSERT INTO t VALUES (?, ?))"
        )
    }

    static let codeNames: [(Int32, String)] = [
        (5, "SQLITE_BUSY"), (5 | (2 << 8), "SQLITE_BUSY_SNAPSHOT"),
        (4 | (2 << 8), "SQLITE_ABORT_ROLLBACK"), (4 | (1 << 8), "SQLITE_UNKNOWN(260)"),
        (10 | (33 << 8), "SQLITE_IOERR_CORRUPTFS"), (101, "SQLITE_DONE"),
    ]

    @Test(arguments: codeNames)
    func resultCodesHaveTheirCNames(rawValue: Int32, name: String) {
        #expect(CairnSQLiteError.Code(rawValue: rawValue).name == name)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v INTEGER)")
        struct Stop: Error {}

        #expect(throws: Stop.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Stop()
            }
        }
        #expect(try connection.rows("SELECT v FROM t").isEmpty)
        #expect(connection.isInTransaction == false)
    }

    @Test func nestedTransactionUndoesOnlyItsOwnPart() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v INTEGER)")
        struct Stop: Error {}

        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            try? connection.transaction {
                try connection.execute("INSERT INTO t VALUES (2)")
                throw Stop()
            }
            try connection.execute("INSERT INTO t VALUES (3)")
        }
        let values = try connection.rows("SELECT v FROM t ORDER BY v").map { $0[0] }
        #expect(values == [1, 3])
    }

    @Test func prepareRefusesMoreThanOneStatement() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: CairnSQLiteError.self) {
            try connection.prepare("SELECT 1; SELECT 2")
        }
        #expect(error?.code == .misuse)
        #expect(try connection.prepare("SELECT 1; ").columnNames == ["1"])
    }

    @Test func bindRefusesTheWrongNumberOfValues() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let statement = try connection.prepare("SELECT ?, ?")
        let error = #expect(throws: CairnSQLiteError.self) { try statement.bind([1]) }
        #expect(error?.code == .range)
    }

    @Test func invalidSQLNamesTheStatement() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: CairnSQLiteError.self) { try connection.prepare("SELEC 1") }
        #expect(error?.description == #"SQLITE_ERROR: near "SELEC": syntax error (in: SELEC 1)"#)
    }

    @Test(arguments: ["journal_mode; DROP TABLE t", "", "a b"])
    func pragmaRefusesNamesThatAreNotWords(name: String) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: CairnSQLiteError.self) { try connection.pragma(name) }
        #expect(error?.code == .misuse)
    }

    @Test func pragmaReadsBackWhatWasSet() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.setPragma("foreign_keys", to: "ON")
        #expect(try connection.pragma("foreign_keys") == .integer(1))
        try connection.setPragma("main.synchronous", to: "NORMAL")
        #expect(try connection.pragma("synchronous") == .integer(1))
    }

    @Test func openingAMissingFileReadOnlyFails() throws {
        let error = #expect(throws: CairnSQLiteError.self) {
            try SQLiteConnection(path: "/nonexistent-cairn-dir/x.db", flags: .readOnly)
        }
        #expect(error?.code == .cannotOpen)
    }
}
