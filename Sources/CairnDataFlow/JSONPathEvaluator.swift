// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

/// Applies parsed paths to JSON values with Jayway JsonPath's semantics, which
/// is what AWS Step Functions runs for JSONPath states.
///
/// A definite path yields one value or a `Miss` that says where it stopped;
/// an indefinite path yields the list of everything it matched, possibly
/// empty, and never misses.
struct JSONPathEvaluator {
    /// Why a definite path found nothing, in Jayway's words.
    enum Miss: Error {
        /// An intermediate member is absent: "Missing property in path $['a']".
        case missingProperty(String)
        /// The path ran to its end and found nothing: the normalized path.
        case noResults(String)
        /// The root variable is not defined.
        case undefinedVariable(String)
    }

    /// The outcome of applying a path.
    enum Outcome {
        case value(JSONValue)
        case matches([JSONValue])

        /// The single value, or all matches as one array, as AWS returns them.
        var result: JSONValue {
            switch self {
            case .value(let value): value
            case .matches(let values): .array(values)
            }
        }
    }

    let scope: EvaluationScope

    func evaluate(_ path: JSONPath) throws(Miss) -> Outcome {
        let root = try rootValue(path)
        if path.isDefinite {
            return .value(try walkDefinite(path.segments[...], from: root, location: "$"))
        }
        return .matches(try walkIndefinite(path.segments[...], from: [root]))
    }

    func rootValue(_ path: JSONPath) throws(Miss) -> JSONValue {
        switch path.root {
        case .input: return scope.input
        case .context: return scope.context
        case .variable(let name):
            guard let value = scope.variables[name] else { throw .undefinedVariable(name) }
            return value
        }
    }

    // MARK: - Definite paths

    private func walkDefinite(
        _ segments: ArraySlice<JSONPath.Segment>,
        from root: JSONValue,
        location rootLocation: String
    ) throws(Miss) -> JSONValue {
        var value = root
        var location = rootLocation
        for (offset, segment) in zip(segments.indices, segments) {
            let isLast = offset == segments.endIndex - 1
            switch segment {
            case .member(let name):
                location += JSONPathEvaluator.normalized(member: name)
                guard let next = value.objectValue?[name] else {
                    let fullPath = JSONPathEvaluator.normalize(segments, from: "$")
                    if isLast || value.objectValue == nil { throw .noResults(fullPath) }
                    throw .missingProperty(location)
                }
                value = next
            case .index(let index):
                location += "[\(index)]"
                guard let elements = value.arrayValue,
                    let position = JSONPathEvaluator.position(of: index, count: elements.count)
                else {
                    throw .noResults(JSONPathEvaluator.normalize(segments, from: "$"))
                }
                value = elements[position]
            case .members(let names):
                value = JSONPathEvaluator.merge(names, of: value)
            case .function(let function):
                value = try JSONPathEvaluator.apply(function, to: value, location: location)
            default:
                // isDefinite admits no other segment.
                throw .noResults(location)
            }
        }
        return value
    }

    // MARK: - Indefinite paths

    private func walkIndefinite(
        _ segments: ArraySlice<JSONPath.Segment>,
        from start: [JSONValue]
    ) throws(Miss) -> [JSONValue] {
        var nodes = start
        for (offset, segment) in zip(segments.indices, segments) {
            let isLast = offset == segments.endIndex - 1
            if case .function(let function) = segment {
                let reduced = try JSONPathEvaluator.apply(
                    function,
                    to: .array(nodes),
                    location: JSONPathEvaluator.normalize(segments, from: "$")
                )
                return [reduced]
            }
            nodes = nodes.flatMap { step(segment, on: $0, isLast: isLast) }
        }
        return nodes
    }

    /// One segment applied to one node; nodes it does not fit yield nothing.
    func step(_ segment: JSONPath.Segment, on node: JSONValue, isLast: Bool) -> [JSONValue] {
        switch segment {
        case .member(let name):
            return node.objectValue?[name].map { [$0] } ?? []
        case .index(let index):
            return JSONPathEvaluator.elements(of: node, at: [index])
        case .indices(let indices):
            return JSONPathEvaluator.elements(of: node, at: indices)
        case .wildcard:
            return JSONPathEvaluator.children(of: node)
        case .members(let names):
            if isLast {
                return node.objectValue == nil ? [] : [JSONPathEvaluator.merge(names, of: node)]
            }
            return names.compactMap { node.objectValue?[$0] }
        case .slice(let start, let end):
            return JSONPathEvaluator.slice(node, start: start, end: end)
        case .filter(let filter):
            if let elements = node.arrayValue {
                return elements.filter { accepts(filter, $0) }
            }
            return node.objectValue != nil && accepts(filter, node) ? [node] : []
        case .descendant(let inner):
            return descend(inner, into: node)
        case .function:
            return []
        }
    }

    /// The step applied at `node` and, depth first, at everything below it.
    private func descend(_ segment: JSONPath.Segment, into node: JSONValue) -> [JSONValue] {
        var found = step(segment, on: node, isLast: false)
        for child in JSONPathEvaluator.children(of: node) {
            found += descend(segment, into: child)
        }
        return found
    }
}

// MARK: - Node helpers

extension JSONPathEvaluator {
    /// A Jayway index: negative counts from the end; `nil` when out of range.
    static func position(of index: Int, count: Int) -> Int? {
        let position = index < 0 ? count + index : index
        return (0..<count).contains(position) ? position : nil
    }

    static func elements(of node: JSONValue, at indices: [Int]) -> [JSONValue] {
        guard let elements = node.arrayValue else { return [] }
        return indices.compactMap { index in
            position(of: index, count: elements.count).map { elements[$0] }
        }
    }

    static func children(of node: JSONValue) -> [JSONValue] {
        switch node {
        case .array(let elements): elements
        case .object(let object): object.map(\.value)
        default: []
        }
    }

    static func slice(_ node: JSONValue, start: Int?, end: Int?) -> [JSONValue] {
        guard let elements = node.arrayValue else { return [] }
        let count = elements.count
        func clamp(_ bound: Int) -> Int { min(max(bound < 0 ? count + bound : bound, 0), count) }
        let from = clamp(start ?? 0)
        let to = clamp(end ?? count)
        return from < to ? Array(elements[from..<to]) : []
    }

    /// Jayway's merge of `['a','b']` at the end of a path: one object with
    /// the members that exist.
    static func merge(_ names: [String], of node: JSONValue) -> JSONValue {
        var merged = JSONObject()
        for name in names {
            if let value = node.objectValue?[name] { merged[name] = value }
        }
        return .object(merged)
    }

    // MARK: Normalized paths

    /// The path as Jayway prints it in messages: `$['a']['b'][0]`.
    static func normalize(_ segments: ArraySlice<JSONPath.Segment>, from root: String) -> String {
        segments.reduce(root) { $0 + normalized($1) }
    }

    static func normalized(member name: String) -> String {
        "['\(name)']"
    }

    private static func normalized(_ segment: JSONPath.Segment) -> String {
        switch segment {
        case .member(let name): normalized(member: name)
        case .index(let index): "[\(index)]"
        case .wildcard: "[*]"
        case .members(let names): "[" + names.map { "'\($0)'" }.joined(separator: ",") + "]"
        case .indices(let indices): "[" + indices.map(String.init).joined(separator: ",") + "]"
        case .slice(let start, let end):
            "[\(start.map(String.init) ?? ""):\(end.map(String.init) ?? "")]"
        case .filter: "[?]"
        case .descendant(let inner): ".." + normalized(inner)
        case .function(let function): ".\(function.rawValue)()"
        }
    }
}
