// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A failure of a file-drop trigger: a bad setting, a directory that cannot be
/// watched or read, or a file that cannot be archived.
public struct FileDropError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidConfiguration
            case watchFailed
            case directoryUnreadable
            case archiveFailed
        }

        private let kind: Kind

        /// The trigger's settings cannot work: an empty or malformed pattern,
        /// no completion rule, a period that is not positive.
        public static let invalidConfiguration = Code(kind: .invalidConfiguration)
        /// inotify could not be set up or read, and polling was not allowed.
        public static let watchFailed = Code(kind: .watchFailed)
        /// The watched directory is missing, was removed, or cannot be listed.
        public static let directoryUnreadable = Code(kind: .directoryUnreadable)
        /// A file could not be moved into `processing/`, `done/` or `failed/`.
        public static let archiveFailed = Code(kind: .archiveFailed)

        public var description: String { self.kind.rawValue }
    }

    public var code: Code
    public var message: String
    /// The `errno` value of the system call that failed, when one did.
    public var errorNumber: Int32?
    /// The system call that failed, such as `inotify_add_watch`, when one did.
    public var function: String?
    public var cause: (any Error & Sendable)?

    public init(
        code: Code,
        message: String,
        errorNumber: Int32? = nil,
        function: String? = nil,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
        self.function = function
        self.cause = cause
    }

    /// `code: message (function: errno text) (cause)`.
    public var description: String {
        var text = "\(self.code): \(self.message)"
        if let function {
            text += " (\(function)"
            if let errorNumber { text += ": \(FileDropError.errorText(errorNumber))" }
            text += ")"
        }
        if let cause { text += " (\(cause))" }
        return text
    }

    /// `strerror(3)` text for an `errno` value, with its number.
    static func errorText(_ number: Int32) -> String {
        String(cString: strerror(number)) + " [errno \(number)]"
    }
}
