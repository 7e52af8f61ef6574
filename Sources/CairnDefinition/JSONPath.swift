// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A parsed JSONPath expression as the States Language uses them: rooted at the
/// input (`$`), the context object (`$$`), or a variable (`$name`).
///
/// The syntax is the one AWS Step Functions accepts, which follows Jayway
/// JsonPath: dot and bracket members, indices (negative ones count from the
/// end), wildcards, slices, unions, recursive descent, filters and a trailing
/// function such as `length()`.
///
/// ```swift
/// let path = try JSONPath(parsing: "$.orders[0]['ship to'].city")
/// path.isReference  // true: it names at most one value
/// ```
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// Where a path starts.
    public enum Root: Sendable, Hashable {
        /// `$`: the value the path is applied to, usually the state input.
        case input
        /// `$$`: the context object.
        case context
        /// `$name`: a variable assigned by an earlier state.
        case variable(String)
    }

    /// One step of a path.
    public indirect enum Segment: Sendable, Hashable {
        /// `.name` or `['name']`.
        case member(String)
        /// `[2]`, or `[-1]` for the last element.
        case index(Int)
        /// `.*` or `[*]`: every member value or element.
        case wildcard
        /// `['a','b']`: several members; at the end of a path the result is
        /// one object holding the members found, as Jayway merges them.
        case members([String])
        /// `[0,2]`: several elements.
        case indices([Int])
        /// `[1:3]`, `[:2]`, `[-1:]`: a range of elements, end excluded.
        case slice(start: Int?, end: Int?)
        /// `[?(...)]`: the elements (or the object itself) the filter accepts.
        case filter(Filter)
        /// `..` followed by a step: that step applied at every depth.
        case descendant(Segment)
        /// `.length()` and the other functions; always last.
        case function(Function)
    }

    /// The functions a path may end with, as Jayway names them.
    public enum Function: String, Sendable, Hashable, CaseIterable {
        case length
        case size
        case min
        case max
        case avg
        case sum
        case stddev
        case keys
        case first
        case last
    }

    /// The path as written.
    public let text: String
    public let root: Root
    public let segments: [Segment]

    /// Parses a path.
    ///
    /// - Throws: `CairnDefinitionError` with code `invalidPath` and a message
    ///   that names the position of the problem.
    public init(parsing text: String) throws(CairnDefinitionError) {
        var parser = JSONPathParser(text: text)
        let parsed = try parser.parsePath()
        self.text = text
        self.root = parsed.root
        self.segments = parsed.segments
    }

    /// Makes a path from parts; `text` is what messages quote.
    public init(text: String, root: Root, segments: [Segment]) {
        self.text = text
        self.root = root
        self.segments = segments
    }

    /// Whether the path names at most one value (a reference path): only
    /// member names and indices, no wildcards, unions, slices, filters,
    /// recursive descent or functions.
    public var isReference: Bool {
        segments.allSatisfy { segment in
            switch segment {
            case .member, .index: true
            default: false
            }
        }
    }

    /// Whether the path yields one value rather than a list of matches.
    ///
    /// Besides reference paths, Jayway treats a trailing member union as
    /// definite, and a trailing function reduces any path to one value.
    public var isDefinite: Bool {
        if case .function = segments.last { return true }
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch segment {
            case .member, .index, .function: continue
            case .members where isLast: continue
            default: return false
            }
        }
        return true
    }

    public var description: String { text }
}
