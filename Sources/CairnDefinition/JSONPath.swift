// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A parsed JSONPath expression as the States Language uses them: rooted at the
/// input (`$`), the context object (`$$`), or a variable (`$name`).
///
/// TODO: the parser below is a placeholder that reads only dotted member names.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Root: Sendable, Hashable {
        case input
        case context
        case variable(String)
    }

    public enum Segment: Sendable, Hashable {
        case member(String)
        case index(Int)
    }

    /// The path as written.
    public let text: String
    public let root: Root
    public let segments: [Segment]

    public init(parsing text: String) throws(CairnDefinitionError) {
        self.text = text
        var rest = Substring(text)
        if rest.hasPrefix("$$") {
            root = .context
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("$") {
            rest = rest.dropFirst()
            let name = rest.prefix { $0 != "." && $0 != "[" }
            root = name.isEmpty ? .input : .variable(String(name))
            rest = rest.dropFirst(name.count)
        } else {
            throw CairnDefinitionError(
                code: .invalidPath,
                message: "'\(text)' is not a JSONPath: it must start with '$'"
            )
        }
        segments = rest.split(separator: ".").map { .member(String($0)) }
    }

    /// Whether the path names at most one value (a reference path): no
    /// wildcards, filters, slices or recursive descent.
    public var isReference: Bool { true }

    public var description: String { text }
}
