// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A node of one YAML document as composed from events, before tags and
/// merge keys are applied.
///
/// An alias holds the node its anchor names, shared rather than copied, so a
/// document full of aliases costs no more to compose than it is long.
indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)
    case alias(YAMLNode, start: YAMLMark)

    /// Where the node's text begins; for an alias, where the `*name` is.
    var start: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.start
        case .sequence(let sequence): sequence.start
        case .mapping(let mapping): mapping.start
        case .alias(_, let start): start
        }
    }

    /// The node itself, or the node an alias stands for.
    var resolved: YAMLNode {
        if case .alias(let target, _) = self { target.resolved } else { self }
    }

    /// How diagnostics name this kind of node.
    var kindName: String {
        switch self {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .alias(let target, _): target.kindName
        }
    }
}

/// A YAML sequence with its explicit tag, if one was written.
struct YAMLSequence: Sendable {
    var tag: String?
    var elements: [YAMLNode]
    var start: YAMLMark
}

/// A YAML mapping with its explicit tag, its pairs in written order.
struct YAMLMapping: Sendable {
    var tag: String?
    var pairs: [(key: YAMLNode, value: YAMLNode)]
    var start: YAMLMark
}
