// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CSQLite

extension CairnSQLiteError {
    /// Throws unless `resultCode` is `SQLITE_OK`; every C call that returns a result code
    /// goes through here, so no check can be forgotten or done differently.
    ///
    /// - Parameters:
    ///   - resultCode: What the C function returned.
    ///   - database: The connection handle, to read the message and extended code from.
    ///   - sql: The statement text, for the error.
    static func check(
        _ resultCode: Int32,
        database: OpaquePointer?,
        sql: String? = nil
    ) throws(CairnSQLiteError) {
        guard resultCode != SQLITE_OK else { return }
        throw CairnSQLiteError(resultCode: resultCode, database: database, sql: sql)
    }

    /// Builds the error for a failed call, taking SQLite's message and the most detailed
    /// code available.
    init(resultCode: Int32, database: OpaquePointer?, sql: String? = nil) {
        var code = resultCode
        var message = String(cString: sqlite3_errstr(resultCode))
        if let database {
            let extended = sqlite3_extended_errcode(database)
            if extended & 0xFF == resultCode & 0xFF {
                code = extended
                message = String(cString: sqlite3_errmsg(database))
            }
        }
        self.init(code: Code(rawValue: code), message: message, sql: sql)
    }
}
