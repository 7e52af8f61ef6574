// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A process that could not be started or watched.
///
/// A process that starts and then fails is not an error: its exit status is
/// in ``ProcessResult``.
public struct ProcessRunnerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidCommand
            case commandNotFound
            case commandNotExecutable
            case invalidWorkingDirectory
            case spawnFailed
            case systemCallFailed
        }

        private let kind: Kind

        /// The command is empty or an argument holds a NUL byte.
        public static let invalidCommand = Code(kind: .invalidCommand)
        /// No file by the command's name exists in `PATH` or at its path.
        public static let commandNotFound = Code(kind: .commandNotFound)
        /// The command's file exists but is not an executable regular file.
        public static let commandNotExecutable = Code(kind: .commandNotExecutable)
        /// The working directory does not exist or is not a directory.
        public static let invalidWorkingDirectory = Code(kind: .invalidWorkingDirectory)
        /// `posix_spawn(3)` refused to start the program.
        public static let spawnFailed = Code(kind: .spawnFailed)
        /// A pipe or another kernel resource could not be had.
        public static let systemCallFailed = Code(kind: .systemCallFailed)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// One line for people, naming the command and the working directory.
    public var message: String
    /// The `errno` value behind the failure, when a system call failed.
    public var errorNumber: Int32?

    public init(code: Code, message: String, errorNumber: Int32? = nil) {
        self.code = code
        self.message = message
        self.errorNumber = errorNumber
    }

    /// The message, followed by the C library's text for `errorNumber`.
    public var description: String {
        guard let errorNumber else { return message }
        return "\(message) (\(String(cString: strerror(errorNumber))))"
    }
}
