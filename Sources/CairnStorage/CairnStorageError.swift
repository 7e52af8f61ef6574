// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A failure of the store: the database cannot be opened or migrated, a record is missing
/// or in conflict, or the database itself failed.
///
/// Messages name executions, models and versions, never execution input or output.
public struct CairnStorageError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case cannotOpen
            case schemaTooNew
            case migrationFailed
            case executionNotFound
            case executionAlreadyExists
            case duplicateEvent
            case executionAlreadyStopped
            case modelNotFound
            case modelVersionNotFound
            case invalidStatusChange
            case corruptRecord
            case busy
            case database
        }

        private let kind: Kind

        /// The database file or its folder cannot be opened or set up (WAL, pragmas).
        public static let cannotOpen = Code(kind: .cannotOpen)
        /// The database was written by a newer Cairn, with migrations this build lacks.
        public static let schemaTooNew = Code(kind: .schemaTooNew)
        /// A schema migration failed; it was rolled back.
        public static let migrationFailed = Code(kind: .migrationFailed)
        /// No execution has the given id.
        public static let executionNotFound = Code(kind: .executionNotFound)
        /// An execution with the given id exists already.
        public static let executionAlreadyExists = Code(kind: .executionAlreadyExists)
        /// A history event id is already used in that execution.
        public static let duplicateEvent = Code(kind: .duplicateEvent)
        /// A transition was committed to an execution that has stopped, and is no redrive.
        public static let executionAlreadyStopped = Code(kind: .executionAlreadyStopped)
        /// No model has the given name.
        public static let modelNotFound = Code(kind: .modelNotFound)
        /// The model has no version with the given number.
        public static let modelVersionNotFound = Code(kind: .modelVersionNotFound)
        /// A model version's status cannot change that way (for example REJECTED to
        /// APPROVED).
        public static let invalidStatusChange = Code(kind: .invalidStatusChange)
        /// A stored value cannot be read back (bad JSON, unknown status).
        public static let corruptRecord = Code(kind: .corruptRecord)
        /// Another process held the database lock for longer than the busy timeout; the
        /// operation changed nothing and may be retried.
        public static let busy = Code(kind: .busy)
        /// Any other database failure; `cause` holds the SQLite error.
        public static let database = Code(kind: .database)

        public var description: String {
            self.kind.rawValue
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, in words.
    public var message: String
    /// The underlying error, usually a `CairnSQLiteError`.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: What went wrong, without execution payloads.
    ///   - cause: The underlying error, if any.
    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `code: message (cause)` on one line.
    public var description: String {
        let suffix = self.cause.map { " (\($0))" } ?? ""
        return "\(self.code): \(self.message)\(suffix)"
    }
}
