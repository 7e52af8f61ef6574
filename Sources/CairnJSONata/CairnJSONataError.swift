// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A JSONata expression that does not parse, or that fails while it runs.
///
/// `jsonataCode` is the code the JSONata reference implementation gives the
/// same problem (`S0201`, `T2001`, `D3030`, ...), so a message can be looked
/// up in JSONata's own documentation.
public struct CairnJSONataError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case syntax
            case evaluation
        }

        private let kind: Kind

        /// The expression text is not valid JSONata.
        public static let syntax = Code(kind: .syntax)
        /// The expression parsed but failed while it ran (a type error, a
        /// function called with bad arguments, `$error()`, a limit reached).
        public static let evaluation = Code(kind: .evaluation)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// JSONata's own error code, such as `T2001`.
    public var jsonataCode: String
    public var message: String
    /// The offset in the expression text (in characters) where the problem
    /// was found, when known.
    public var position: Int?

    public init(code: Code, jsonataCode: String, message: String, position: Int? = nil) {
        self.code = code
        self.jsonataCode = jsonataCode
        self.message = message
        self.position = position
    }

    public var description: String { message }

    static func syntax(_ jsonataCode: String, _ message: String, at position: Int?) -> Self {
        CairnJSONataError(
            code: .syntax,
            jsonataCode: jsonataCode,
            message: message,
            position: position
        )
    }

    static func evaluation(_ jsonataCode: String, _ message: String) -> Self {
        CairnJSONataError(code: .evaluation, jsonataCode: jsonataCode, message: message)
    }
}
