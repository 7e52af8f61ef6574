// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension CairnSQLiteError {
    /// An SQLite result code, primary or extended, with its C name.
    ///
    /// Unlike other Cairn error codes this is a raw number rather than a closed list:
    /// SQLite defines the set, and a newer library may return codes this build has never
    /// heard of. Those still print, as `SQLITE_UNKNOWN(n)`. See
    /// [Result and Error Codes](https://www.sqlite.org/rescode.html).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The number SQLite returned; the low 8 bits are the primary code.
        public let rawValue: Int32

        /// Wraps a number SQLite returned.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// The primary code: this code without its extended detail.
        public var primary: Code {
            Code(rawValue: self.rawValue & 0xFF)
        }

        /// The C name of the code, such as `SQLITE_CONSTRAINT_PRIMARYKEY`.
        public var name: String {
            if let name = Self.primaryNames[self.rawValue] {
                return "SQLITE_" + name
            }
            let primary = self.rawValue & 0xFF
            let detail = self.rawValue >> 8
            if let primaryName = Self.primaryNames[primary],
                let details = Self.extendedNames[primary],
                detail >= 1, detail <= details.count, !details[Int(detail) - 1].isEmpty
            {
                return "SQLITE_\(primaryName)_\(details[Int(detail) - 1])"
            }
            return "SQLITE_UNKNOWN(\(self.rawValue))"
        }

        public var description: String {
            self.name
        }

        /// `SQLITE_OK`: success.
        public static let ok = Code(rawValue: 0)
        /// `SQLITE_ERROR`: a generic error, usually bad SQL.
        public static let error = Code(rawValue: 1)
        /// `SQLITE_INTERNAL`: a bug inside SQLite.
        public static let `internal` = Code(rawValue: 2)
        /// `SQLITE_PERM`: the requested access mode cannot be provided.
        public static let permission = Code(rawValue: 3)
        /// `SQLITE_ABORT`: an operation was aborted, often by a rollback.
        public static let abort = Code(rawValue: 4)
        /// `SQLITE_BUSY`: another connection holds a conflicting lock.
        public static let busy = Code(rawValue: 5)
        /// `SQLITE_LOCKED`: a conflict inside this process (shared cache or same connection).
        public static let locked = Code(rawValue: 6)
        /// `SQLITE_NOMEM`: out of memory.
        public static let noMemory = Code(rawValue: 7)
        /// `SQLITE_READONLY`: a write to a read-only database.
        public static let readOnly = Code(rawValue: 8)
        /// `SQLITE_INTERRUPT`: interrupted by `sqlite3_interrupt`.
        public static let interrupt = Code(rawValue: 9)
        /// `SQLITE_IOERR`: the operating system reported an I/O error.
        public static let ioError = Code(rawValue: 10)
        /// `SQLITE_CORRUPT`: the database file is damaged.
        public static let corrupt = Code(rawValue: 11)
        /// `SQLITE_FULL`: the disk is full.
        public static let full = Code(rawValue: 13)
        /// `SQLITE_CANTOPEN`: the file could not be opened.
        public static let cannotOpen = Code(rawValue: 14)
        /// `SQLITE_SCHEMA`: the schema changed under a prepared statement.
        public static let schema = Code(rawValue: 17)
        /// `SQLITE_TOOBIG`: a string or blob is too large.
        public static let tooBig = Code(rawValue: 18)
        /// `SQLITE_CONSTRAINT`: a constraint (primary key, unique, foreign key...) failed.
        public static let constraint = Code(rawValue: 19)
        /// `SQLITE_MISMATCH`: a value has the wrong type.
        public static let mismatch = Code(rawValue: 20)
        /// `SQLITE_MISUSE`: the API was used wrongly.
        public static let misuse = Code(rawValue: 21)
        /// `SQLITE_RANGE`: a parameter or column index is out of range.
        public static let range = Code(rawValue: 25)
        /// `SQLITE_NOTADB`: the file is not a database.
        public static let notADatabase = Code(rawValue: 26)
        /// `SQLITE_ROW`: a step produced a row.
        public static let row = Code(rawValue: 100)
        /// `SQLITE_DONE`: a step finished.
        public static let done = Code(rawValue: 101)

        /// `SQLITE_CONSTRAINT_CHECK`: a CHECK constraint failed.
        public static let constraintCheck = Code(rawValue: 19 | (1 << 8))
        /// `SQLITE_CONSTRAINT_FOREIGNKEY`: a foreign key constraint failed.
        public static let constraintForeignKey = Code(rawValue: 19 | (3 << 8))
        /// `SQLITE_CONSTRAINT_NOTNULL`: a NOT NULL constraint failed.
        public static let constraintNotNull = Code(rawValue: 19 | (5 << 8))
        /// `SQLITE_CONSTRAINT_PRIMARYKEY`: a primary key is not unique.
        public static let constraintPrimaryKey = Code(rawValue: 19 | (6 << 8))
        /// `SQLITE_CONSTRAINT_UNIQUE`: a UNIQUE constraint failed.
        public static let constraintUnique = Code(rawValue: 19 | (8 << 8))

        /// Primary code names, without the `SQLITE_` prefix.
        private static let primaryNames: [Int32: String] = [
            0: "OK", 1: "ERROR", 2: "INTERNAL", 3: "PERM", 4: "ABORT", 5: "BUSY",
            6: "LOCKED", 7: "NOMEM", 8: "READONLY", 9: "INTERRUPT", 10: "IOERR",
            11: "CORRUPT", 12: "NOTFOUND", 13: "FULL", 14: "CANTOPEN", 15: "PROTOCOL",
            16: "EMPTY", 17: "SCHEMA", 18: "TOOBIG", 19: "CONSTRAINT", 20: "MISMATCH",
            21: "MISUSE", 22: "NOLFS", 23: "AUTH", 24: "FORMAT", 25: "RANGE",
            26: "NOTADB", 27: "NOTICE", 28: "WARNING", 100: "ROW", 101: "DONE",
        ]

        /// Extended code suffixes per primary code; element `n - 1` is the detail `n << 8`,
        /// in the order sqlite3.h defines them, with an empty string for a gap.
        private static let extendedNames: [Int32: [String]] = [
            0: ["LOAD_PERMANENTLY", "SYMLINK"],
            1: ["MISSING_COLLSEQ", "RETRY", "SNAPSHOT"],
            4: ["", "ROLLBACK"],
            5: ["RECOVERY", "SNAPSHOT", "TIMEOUT"],
            6: ["SHAREDCACHE", "VTAB"],
            8: ["RECOVERY", "CANTLOCK", "ROLLBACK", "DBMOVED", "CANTINIT", "DIRECTORY"],
            10: [
                "READ", "SHORT_READ", "WRITE", "FSYNC", "DIR_FSYNC", "TRUNCATE", "FSTAT",
                "UNLOCK", "RDLOCK", "DELETE", "BLOCKED", "NOMEM", "ACCESS",
                "CHECKRESERVEDLOCK", "LOCK", "CLOSE", "DIR_CLOSE", "SHMOPEN", "SHMSIZE",
                "SHMLOCK", "SHMMAP", "SEEK", "DELETE_NOENT", "MMAP", "GETTEMPPATH",
                "CONVPATH", "VNODE", "AUTH", "BEGIN_ATOMIC", "COMMIT_ATOMIC",
                "ROLLBACK_ATOMIC", "DATA", "CORRUPTFS",
            ],
            11: ["VTAB", "SEQUENCE", "INDEX"],
            14: ["NOTEMPDIR", "ISDIR", "FULLPATH", "CONVPATH", "DIRTYWAL", "SYMLINK"],
            19: [
                "CHECK", "COMMITHOOK", "FOREIGNKEY", "FUNCTION", "NOTNULL", "PRIMARYKEY",
                "TRIGGER", "UNIQUE", "VTAB", "ROWID", "PINNED", "DATATYPE",
            ],
            23: ["USER"],
            27: ["RECOVER_WAL", "RECOVER_ROLLBACK"],
            28: ["AUTOINDEX"],
        ]
    }
}
