// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Builds the node tree of the single document in a YAML stream from
/// libyaml's events, resolving aliases to the nodes their anchors name.
struct Composer {
    private let parser: EventParser
    private let file: String
    private let text: String
    private let maximumDepth: Int
    private var anchors: [String: YAMLNode] = [:]
    private var depth = 0

    init(text: String, file: String, maximumDepth: Int) throws(CairnYAMLError) {
        self.parser = try EventParser(text: text, file: file)
        self.file = file
        self.text = text
        self.maximumDepth = maximumDepth
    }

    /// Reads the whole stream and returns its one document's root node.
    ///
    /// - Throws: `CairnYAMLError` when the text is malformed, holds no
    ///   document or more than one, or an alias names an unknown anchor.
    mutating func composeDocument() throws(CairnYAMLError) -> YAMLNode {
        _ = try parser.nextEvent()  // STREAM-START always comes first.
        let first = try parser.nextEvent()
        guard case .documentStart = first.kind else { throw emptyFileError() }

        let root = try composeNode(try parser.nextEvent())
        _ = try parser.nextEvent()  // DOCUMENT-END follows the root node.

        let next = try parser.nextEvent()
        if case .documentStart = next.kind {
            throw CairnYAMLError(
                code: .multipleDocuments,
                message: "the file holds more than one YAML document; Cairn reads one per file",
                location: next.start.location(in: file)
            )
        }
        return root
    }

    // MARK: - Nodes

    private mutating func composeNode(_ event: YAMLEvent) throws(CairnYAMLError) -> YAMLNode {
        switch event.kind {
        case .scalar(let scalar):
            let node = YAMLNode.scalar(scalar)
            register(node, anchor: scalar.anchor)
            return node
        case .alias(let anchor):
            guard let target = anchors[anchor] else {
                throw CairnYAMLError(
                    code: .undefinedAlias,
                    message: "alias '*\(anchor)' names no anchor defined before it",
                    location: event.start.location(in: file)
                )
            }
            return .alias(target, start: event.start)
        case .sequenceStart(let anchor, let tag):
            let node = YAMLNode.sequence(try composeSequence(tag: tag, start: event.start))
            register(node, anchor: anchor)
            return node
        case .mappingStart(let anchor, let tag):
            let node = YAMLNode.mapping(try composeMapping(tag: tag, start: event.start))
            register(node, anchor: anchor)
            return node
        default:
            // libyaml guarantees a node event here; anything else is its bug.
            preconditionFailure("libyaml sent \(event.kind) where a node belongs")
        }
    }

    private mutating func composeSequence(
        tag: String?,
        start: YAMLMark
    ) throws(CairnYAMLError) -> YAMLSequence {
        try enterCollection(at: start)
        defer { depth -= 1 }
        var sequence = YAMLSequence(tag: tag, elements: [], start: start)
        while true {
            let event = try parser.nextEvent()
            if case .sequenceEnd = event.kind { return sequence }
            sequence.elements.append(try composeNode(event))
        }
    }

    private mutating func composeMapping(
        tag: String?,
        start: YAMLMark
    ) throws(CairnYAMLError) -> YAMLMapping {
        try enterCollection(at: start)
        defer { depth -= 1 }
        var mapping = YAMLMapping(tag: tag, pairs: [], start: start)
        while true {
            let event = try parser.nextEvent()
            if case .mappingEnd = event.kind { return mapping }
            let key = try composeNode(event)
            let value = try composeNode(try parser.nextEvent())
            mapping.pairs.append((key, value))
        }
    }

    private mutating func enterCollection(at start: YAMLMark) throws(CairnYAMLError) {
        depth += 1
        if depth > maximumDepth {
            throw CairnYAMLError(
                code: .nestingLimit,
                message: "values are nested more than \(maximumDepth) levels deep",
                location: start.location(in: file)
            )
        }
    }

    /// Anchors are registered once their node is complete, so an alias inside
    /// its own anchor's node finds nothing and recursion cannot arise.
    private mutating func register(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
    }

    private func emptyFileError() -> CairnYAMLError {
        let hasText = text.contains { !$0.isWhitespace }
        return CairnYAMLError(
            code: .emptyFile,
            message: hasText ? "the file is empty: it holds only comments" : "the file is empty",
            location: YAMLMark.start.location(in: file)
        )
    }
}
