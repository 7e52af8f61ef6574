// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension SQLiteConnection {
    /// Reads a [PRAGMA](https://www.sqlite.org/pragma.html), such as `journal_mode`.
    ///
    /// - Parameter name: The pragma, optionally with a schema (`main.journal_mode`).
    /// - Returns: The first column of the first row, or `.null` when the pragma returns
    ///   no row.
    /// - Throws: `CairnSQLiteError` with code `misuse` for a name that is not a plain
    ///   identifier, or SQLite's error.
    public func pragma(_ name: String) throws(CairnSQLiteError) -> SQLiteValue {
        try Self.requireWord(name, allowing: ".", what: "pragma name")
        return try self.firstRow("PRAGMA \(name)")?.values.first ?? .null
    }

    /// Sets a [PRAGMA](https://www.sqlite.org/pragma.html) and returns what SQLite reports
    /// back, which for some (such as `journal_mode`) is the value actually in effect.
    ///
    /// - Parameters:
    ///   - name: The pragma, optionally with a schema (`main.synchronous`).
    ///   - value: A keyword or number, such as `WAL`, `FULL`, `ON` or `5000`.
    /// - Returns: The first column of the first row, or `.null` when there is none.
    /// - Throws: `CairnSQLiteError` with code `misuse` when the name or value is not a
    ///   plain word (they are spliced into SQL, so nothing else is accepted), or SQLite's
    ///   error.
    @discardableResult
    public func setPragma(
        _ name: String,
        to value: String
    ) throws(CairnSQLiteError) -> SQLiteValue {
        try Self.requireWord(name, allowing: ".", what: "pragma name")
        try Self.requireWord(value, allowing: "-", what: "pragma value")
        return try self.firstRow("PRAGMA \(name) = \(value)")?.values.first ?? .null
    }

    private static func requireWord(
        _ text: String,
        allowing extra: Character,
        what: String
    ) throws(CairnSQLiteError) {
        let isWord =
            !text.isEmpty
            && text.allSatisfy { character in
                (character.isASCII && (character.isLetter || character.isNumber))
                    || character == "_" || character == extra
            }
        guard isWord else {
            throw CairnSQLiteError(code: .misuse, message: "invalid \(what) '\(text)'")
        }
    }
}
