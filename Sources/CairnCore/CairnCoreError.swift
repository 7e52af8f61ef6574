// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A failure in reading or handling values: bad JSON, a file that cannot be read.
public struct CairnCoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidJSON
            case fileUnreadable
            case invalidArgument
        }

        private let kind: Kind

        public static let invalidJSON = Code(kind: .invalidJSON)
        public static let fileUnreadable = Code(kind: .fileUnreadable)
        public static let invalidArgument = Code(kind: .invalidArgument)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String
    public var location: SourceLocation?
    public var cause: (any Error & Sendable)?

    public init(
        code: Code,
        message: String,
        location: SourceLocation? = nil,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// `file:line:column: message` when the failure has a place, else the message.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let suffix = cause.map { " (\($0))" } ?? ""
        return prefix + message + suffix
    }
}
