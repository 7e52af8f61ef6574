// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A parsed intrinsic function call such as `States.Format('{}', $.name)`.
///
/// TODO: the parser below is a placeholder that keeps only the function name.
public struct IntrinsicCall: Sendable, Hashable {
    public enum Argument: Sendable, Hashable {
        case literal(JSONValue)
        case path(JSONPath)
        case call(IntrinsicCall)
    }

    /// The text as written.
    public let text: String
    /// The function's full name, `States.Format`.
    public let name: String
    public let arguments: [Argument]

    public init(parsing text: String) throws(CairnDefinitionError) {
        guard let open = text.firstIndex(of: "(") else {
            throw CairnDefinitionError(
                code: .invalidIntrinsic,
                message: "'\(text)' is not an intrinsic function call"
            )
        }
        self.text = text
        self.name = String(text[..<open])
        self.arguments = []
    }
}
