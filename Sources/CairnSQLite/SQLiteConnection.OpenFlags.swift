// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CSQLite

extension SQLiteConnection {
    /// How to open a database: the `SQLITE_OPEN_*` flags of
    /// [`sqlite3_open_v2`](https://www.sqlite.org/c3ref/open.html).
    public struct OpenFlags: OptionSet, Sendable, Hashable {
        public let rawValue: Int32

        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// `SQLITE_OPEN_READONLY`: open for reading only.
        public static let readOnly = OpenFlags(rawValue: SQLITE_OPEN_READONLY)
        /// `SQLITE_OPEN_READWRITE`: open for reading and writing.
        public static let readWrite = OpenFlags(rawValue: SQLITE_OPEN_READWRITE)
        /// `SQLITE_OPEN_CREATE`: create the file when it does not exist.
        public static let create = OpenFlags(rawValue: SQLITE_OPEN_CREATE)
        /// `SQLITE_OPEN_URI`: read the path as a `file:` URI.
        public static let uri = OpenFlags(rawValue: SQLITE_OPEN_URI)
        /// `SQLITE_OPEN_MEMORY`: keep the database in memory.
        public static let memory = OpenFlags(rawValue: SQLITE_OPEN_MEMORY)
        /// `SQLITE_OPEN_NOMUTEX`: no connection mutex (multi-thread mode).
        public static let noMutex = OpenFlags(rawValue: SQLITE_OPEN_NOMUTEX)
        /// `SQLITE_OPEN_FULLMUTEX`: a connection mutex (serialized mode).
        public static let fullMutex = OpenFlags(rawValue: SQLITE_OPEN_FULLMUTEX)
        /// `SQLITE_OPEN_NOFOLLOW`: refuse a path that is a symbolic link.
        public static let noFollow = OpenFlags(rawValue: SQLITE_OPEN_NOFOLLOW)

        /// Read and write, creating the file when needed: the usual choice.
        public static let readWriteCreate: OpenFlags = [.readWrite, .create]
    }
}
