// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// Turns a composed YAML node tree into a JSON value, recording where every
/// value and key was written.
///
/// This is where YAML meets JSON's limits: tags are checked, aliases are
/// expanded (within a budget, against alias bombs), merge keys are applied,
/// and keys must be unique scalars.
struct JSONConstructor {
    private let file: String
    private let limits: YAMLLimits
    private(set) var sourceMap: SourceMap
    private var valueCount = 0
    private var path: [JSONPathComponent] = []
    private var mergeDepth = 0
    /// The outermost alias being expanded: where a bomb or a too-deep chain of
    /// aliases is planted, rather than the anchor deep inside it.
    private var outermostAlias: YAMLMark?

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
        self.sourceMap = SourceMap(file: file)
    }

    /// The JSON value of `node`, placed at the current path.
    mutating func construct(_ node: YAMLNode) throws(CairnYAMLError) -> JSONValue {
        try countValue(at: node.start)
        switch node {
        case .alias(let target, let start):
            let isOutermost = outermostAlias == nil
            if isOutermost { outermostAlias = start }
            defer { if isOutermost { outermostAlias = nil } }
            let value = try construct(target)
            // The alias, not the anchor, is where this value sits in the file.
            record(start)
            return value
        case .scalar(let scalar):
            record(scalar.start)
            return try scalarValue(scalar)
        case .sequence(let sequence):
            record(sequence.start)
            return try sequenceValue(sequence)
        case .mapping(let mapping):
            record(mapping.start)
            return try mappingValue(mapping)
        }
    }

    // MARK: - Scalars and sequences

    private func scalarValue(_ scalar: YAMLScalar) throws(CairnYAMLError) -> JSONValue {
        let tag = try knownTag(scalar.tag, at: scalar.start)
        if let tag, [.mapping, .sequence, .merge].contains(tag) {
            throw misplaced(tag, on: "scalar", at: scalar.start)
        }
        switch ScalarResolver.resolve(scalar, tag: tag) {
        case .success(let value):
            return value
        case .failure(let problem):
            throw error(.invalidScalar, problem.message, at: scalar.start)
        }
    }

    private mutating func sequenceValue(
        _ sequence: YAMLSequence
    ) throws(CairnYAMLError) -> JSONValue {
        let tag = try knownTag(sequence.tag, at: sequence.start)
        if let tag, tag != .sequence, tag != .nonSpecific {
            throw misplaced(tag, on: "sequence", at: sequence.start)
        }
        try checkDepth(at: sequence.start)
        var elements: [JSONValue] = []
        elements.reserveCapacity(sequence.elements.count)
        for (index, element) in sequence.elements.enumerated() {
            path.append(.index(index))
            elements.append(try construct(element))
            path.removeLast()
        }
        return .array(elements)
    }

    // MARK: - Mappings

    /// One member of a mapping after merge keys are applied.
    private struct Member {
        var key: String
        var keyStart: YAMLMark
        var value: YAMLNode
    }

    private mutating func mappingValue(_ mapping: YAMLMapping) throws(CairnYAMLError) -> JSONValue {
        try checkDepth(at: mapping.start)
        var object = JSONObject()
        for member in try members(of: mapping) {
            path.append(.key(member.key))
            sourceMap.recordKey(
                at: path,
                line: member.keyStart.line,
                column: member.keyStart.column
            )
            object[member.key] = try construct(member.value)
            path.removeLast()
        }
        return .object(object)
    }

    /// The mapping's members in written order, each merge key replaced by the
    /// members it brings that the mapping does not set itself.
    private mutating func members(of mapping: YAMLMapping) throws(CairnYAMLError) -> [Member] {
        let tag = try knownTag(mapping.tag, at: mapping.start)
        if let tag, tag != .mapping, tag != .nonSpecific {
            throw misplaced(tag, on: "mapping", at: mapping.start)
        }

        // Explicit keys first, so that they win over merged ones wherever they are.
        var firstStarts: [String: YAMLMark] = [:]
        var firstMergeStart: YAMLMark?
        var written: [(member: Member, isMerge: Bool)] = []
        for (key, value) in mapping.pairs {
            try countValue(at: key.start)
            let isMerge = isMergeKey(key)
            let name = isMerge ? "<<" : try keyText(key)
            if let first = isMerge ? firstMergeStart : firstStarts[name] {
                throw error(
                    .duplicateKey,
                    "duplicate key '\(name)'; it is first set on line \(first.line)",
                    at: key.start
                )
            }
            if isMerge { firstMergeStart = key.start } else { firstStarts[name] = key.start }
            written.append((Member(key: name, keyStart: key.start, value: value), isMerge))
        }
        guard written.contains(where: \.isMerge) else { return written.map(\.member) }

        var taken = Set(firstStarts.keys)
        var members: [Member] = []
        for (member, isMerge) in written {
            guard isMerge else {
                members.append(member)
                continue
            }
            // Earlier sources win over later ones, as the merge key type says.
            for source in try mergeSources(member.value) {
                let merged = try mergedMembers(of: source)
                members += merged.filter { taken.insert($0.key).inserted }
            }
        }
        return members
    }

    private mutating func mergedMembers(
        of source: YAMLMapping
    ) throws(CairnYAMLError) -> [Member] {
        mergeDepth += 1
        defer { mergeDepth -= 1 }
        if mergeDepth > limits.maximumDepth {
            throw error(
                .nestingLimit,
                "merge keys nest more than \(limits.maximumDepth) levels deep",
                at: source.start
            )
        }
        return try members(of: source)
    }

    /// The mappings a merge key's value names: one mapping or a list of them.
    private func mergeSources(_ value: YAMLNode) throws(CairnYAMLError) -> [YAMLMapping] {
        switch value.resolved {
        case .mapping(let mapping):
            return [mapping]
        case .sequence(let sequence):
            var sources: [YAMLMapping] = []
            for element in sequence.elements {
                guard case .mapping(let mapping) = element.resolved else {
                    throw invalidMerge(element)
                }
                sources.append(mapping)
            }
            return sources
        default:
            throw invalidMerge(value)
        }
    }

    private func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        if let tag = scalar.tag { return YAMLTag(tag) == .merge }
        return scalar.isPlain && scalar.text == "<<"
    }

    /// A key's text, which becomes the member name as written (`1: a` has the
    /// member `"1"`); only scalars can be JSON member names.
    private func keyText(_ key: YAMLNode) throws(CairnYAMLError) -> String {
        guard case .scalar(let scalar) = key.resolved else {
            throw error(
                .complexKey,
                "a mapping key must be a scalar, not a \(key.kindName); JSON member names are text",
                at: key.start
            )
        }
        // A tagged key must still fit its tag, though its text is the name.
        if scalar.tag != nil { _ = try scalarValue(scalar) }
        return scalar.text
    }

    // MARK: - Bookkeeping

    private mutating func record(_ start: YAMLMark) {
        sourceMap.recordValue(at: path, line: start.line, column: start.column)
    }

    private mutating func countValue(at start: YAMLMark) throws(CairnYAMLError) {
        valueCount += 1
        guard valueCount > limits.maximumValues else { return }
        throw error(
            .aliasExpansionLimit,
            "aliases expand to more than \(limits.maximumValues) values; "
                + "Cairn stops here to guard against alias bombs",
            at: outermostAlias ?? start
        )
    }

    private func checkDepth(at start: YAMLMark) throws(CairnYAMLError) {
        guard path.count >= limits.maximumDepth else { return }
        throw error(
            .nestingLimit,
            "values are nested more than \(limits.maximumDepth) levels deep",
            at: outermostAlias ?? start
        )
    }

    private func knownTag(_ tag: String?, at start: YAMLMark) throws(CairnYAMLError) -> YAMLTag? {
        guard let tag else { return nil }
        guard let known = YAMLTag(tag) else {
            throw error(
                .unknownTag,
                "unknown tag '\(YAMLTag.displayName(of: tag))'; Cairn understands only "
                    + "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq",
                at: start
            )
        }
        return known
    }

    private func misplaced(_ tag: YAMLTag, on kind: String, at start: YAMLMark) -> CairnYAMLError {
        error(.misplacedTag, "tag \(tag.name) cannot be used on a \(kind)", at: start)
    }

    private func invalidMerge(_ node: YAMLNode) -> CairnYAMLError {
        error(
            .invalidMerge,
            "the merge key '<<' takes a mapping or a list of mappings, not a \(node.kindName)",
            at: node.start
        )
    }

    private func error(
        _ code: CairnYAMLError.Code,
        _ message: String,
        at start: YAMLMark
    ) -> CairnYAMLError {
        CairnYAMLError(code: code, message: message, location: start.location(in: file))
    }
}
