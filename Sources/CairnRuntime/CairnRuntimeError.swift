// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A failure of the engine itself, as opposed to a workflow's own failure.
public struct CairnRuntimeError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case stalled
            case storage
            case nameTaken
        }

        private let kind: Kind

        /// The execution waits for no task or timer yet has not ended.
        public static let stalled = Code(kind: .stalled)
        /// The store refused a transition.
        public static let storage = Code(kind: .storage)
        /// An execution name is taken in its workflow by one with another input.
        public static let nameTaken = Code(kind: .nameTaken)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String
    public var cause: (any Error & Sendable)?

    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        "\(code): \(message)" + (cause.map { " (\($0))" } ?? "")
    }
}
