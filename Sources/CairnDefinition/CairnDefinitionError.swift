// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A problem with a workflow file: it cannot be read, parsed, or it breaks a
/// rule of the States Language.
public struct CairnDefinitionError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case unreadableFile
            case syntax
            case invalidDefinition
            case invalidPath
            case invalidTemplate
            case invalidIntrinsic
        }

        private let kind: Kind

        /// The file could not be opened or is not UTF-8.
        public static let unreadableFile = Code(kind: .unreadableFile)
        /// The YAML or JSON text is malformed.
        public static let syntax = Code(kind: .syntax)
        /// The document parses but is not a valid state machine.
        public static let invalidDefinition = Code(kind: .invalidDefinition)
        /// A JSONPath or reference path does not parse.
        public static let invalidPath = Code(kind: .invalidPath)
        /// A payload template (`Parameters`, `ResultSelector`, ...) is malformed.
        public static let invalidTemplate = Code(kind: .invalidTemplate)
        /// An intrinsic function call does not parse or names no known function.
        public static let invalidIntrinsic = Code(kind: .invalidIntrinsic)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String
    /// Where the problem is, when it was found in a file.
    public var location: SourceLocation?
    /// Where inside the document the problem is, from the root, when known.
    public var documentPath: [JSONPathComponent]
    /// Every problem found in a definition, in document order, when this error
    /// stands for all of them (code `invalidDefinition`, thrown by
    /// `WorkflowLoader`); empty for a single problem.
    ///
    /// Each problem carries its own `location`; `message` then lists them all,
    /// one `file:line:column: message` line each.
    public var problems: [CairnDefinitionError]

    public init(
        code: Code,
        message: String,
        location: SourceLocation? = nil,
        documentPath: [JSONPathComponent] = [],
        problems: [CairnDefinitionError] = []
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.documentPath = documentPath
        self.problems = problems
    }

    /// `file:line:column: message`, the format editors and compilers use.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
