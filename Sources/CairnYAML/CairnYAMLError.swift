// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A problem found while reading YAML text: malformed syntax, a value JSON
/// cannot hold, or a rule Cairn adds on top of YAML (no duplicate keys, one
/// document per file).
///
/// Every such error has a place, so it always prints as
/// `file:line:column: message`.
public struct CairnYAMLError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidSyntax
            case invalidEncoding
            case outOfMemory
            case emptyFile
            case multipleDocuments
            case unknownTag
            case misplacedTag
            case invalidScalar
            case duplicateKey
            case complexKey
            case invalidMerge
            case undefinedAlias
            case aliasExpansionLimit
            case nestingLimit
        }

        private let kind: Kind

        /// libyaml's scanner or parser rejected the text (`YAML_SCANNER_ERROR`,
        /// `YAML_PARSER_ERROR`).
        public static let invalidSyntax = Code(kind: .invalidSyntax)
        /// libyaml's reader rejected a character (`YAML_READER_ERROR`).
        public static let invalidEncoding = Code(kind: .invalidEncoding)
        /// libyaml could not allocate memory (`YAML_MEMORY_ERROR`).
        public static let outOfMemory = Code(kind: .outOfMemory)
        /// The text holds no YAML document at all.
        public static let emptyFile = Code(kind: .emptyFile)
        /// The text holds more than one YAML document.
        public static let multipleDocuments = Code(kind: .multipleDocuments)
        /// A node carries a tag other than the standard ones Cairn understands.
        public static let unknownTag = Code(kind: .unknownTag)
        /// A standard tag sits on the wrong kind of node, such as `!!map` on a scalar.
        public static let misplacedTag = Code(kind: .misplacedTag)
        /// A scalar does not fit its tag, or is a number JSON cannot hold.
        public static let invalidScalar = Code(kind: .invalidScalar)
        /// A mapping names the same key twice.
        public static let duplicateKey = Code(kind: .duplicateKey)
        /// A mapping key is a mapping or a sequence, which JSON cannot hold.
        public static let complexKey = Code(kind: .complexKey)
        /// A merge key `<<` is given something other than mappings.
        public static let invalidMerge = Code(kind: .invalidMerge)
        /// An alias names an anchor that is not defined before it.
        public static let undefinedAlias = Code(kind: .undefinedAlias)
        /// Aliases expand to more values than Cairn is willing to build.
        public static let aliasExpansionLimit = Code(kind: .aliasExpansionLimit)
        /// Values are nested deeper than Cairn is willing to follow.
        public static let nestingLimit = Code(kind: .nestingLimit)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// A one-line explanation in lower case, as compilers write them.
    public var message: String
    /// Where the problem is; line and column start at 1.
    public var location: SourceLocation
    /// libyaml's own report, when libyaml found the problem.
    public var cause: LibYAMLProblem?

    public init(
        code: Code,
        message: String,
        location: SourceLocation,
        cause: LibYAMLProblem? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    /// `file:line:column: message`, the format editors and compilers use.
    public var description: String { "\(location): \(message)" }
}
