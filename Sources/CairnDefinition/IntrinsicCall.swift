// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A parsed intrinsic function call such as `States.Format('{}', $.name)`.
///
/// ```swift
/// let call = try IntrinsicCall(parsing: "States.MathAdd($.count, -1)")
/// call.function   // .mathAdd
/// call.arguments  // [.path($.count), .literal(-1)]
/// ```
public struct IntrinsicCall: Sendable, Hashable {
    /// One argument as written.
    public enum Argument: Sendable, Hashable {
        /// A quoted string, a number, `true`, `false` or `null`.
        case literal(JSONValue)
        case path(JSONPath)
        case call(IntrinsicCall)
        /// A string literal given as the first argument of `States.Format`:
        /// its text cut at every unescaped `{}`, so that an escaped `\{\}`
        /// stays literal text.
        case template([String])
    }

    /// The text as written.
    public let text: String
    /// The function's full name, `States.Format`.
    public let name: String
    public let function: IntrinsicFunction
    public let arguments: [Argument]

    /// Parses a call, its nested calls and paths.
    ///
    /// - Throws: `CairnDefinitionError` with code `invalidIntrinsic` when the
    ///   text is not a call, names an unknown function or passes the wrong
    ///   number of arguments, and code `invalidPath` when an argument path is
    ///   malformed.
    public init(parsing text: String) throws(CairnDefinitionError) {
        var parser = IntrinsicParser(text: text)
        self = try parser.parseWhole()
    }

    init(text: String, function: IntrinsicFunction, arguments: [Argument]) {
        self.text = text
        self.name = function.rawValue
        self.function = function
        self.arguments = arguments
    }
}
