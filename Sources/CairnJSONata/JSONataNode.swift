// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A parsed JSONata expression.
///
/// Paths are already gathered into steps, and predicates on a path are
/// attached to the step they follow, as JSONata's own parser does, because
/// `a.b[0]` picks the first `b` of each `a`, not the first of all of them.
indirect enum JSONataNode: Sendable {
    case literal(JSONValue)
    case regex(pattern: String, flags: String)
    /// A field name: the member of that name of each context value.
    case name(String)
    case path(JSONataPath)
    case variable(String)
    case wildcard
    case descendants
    case negation(JSONataNode)
    case array([JSONataNode])
    case object([(key: JSONataNode, value: JSONataNode)])
    /// `expression{key: value}`: the object constructor applied to a result.
    case group(JSONataNode, [(key: JSONataNode, value: JSONataNode)])
    case binary(String, JSONataNode, JSONataNode)
    case condition(JSONataNode, then: JSONataNode, else: JSONataNode?)
    case block([JSONataNode])
    case bind(String, JSONataNode)
    case lambda(parameters: [String], body: JSONataNode)
    case call(JSONataNode, arguments: [JSONataNode])
    /// `?` in a call's argument list, which makes the call a partial application.
    case placeholder
    /// `lhs ~> rhs`.
    case apply(JSONataNode, JSONataNode)
    /// Predicates on something that is not a path, such as `$var[0]`.
    case filter(JSONataNode, [JSONataNode])
    /// `[]` after something that is not a path: keep a singleton as an array.
    case keepArray(JSONataNode)
    case sort(JSONataNode, [JSONataSortTerm])

    /// Whether this node is the array constructor `[...]`.
    var isArrayConstructor: Bool {
        if case .array = self { return true }
        return false
    }
}

/// The steps of a location path such as `$states.input.items[0].name`.
struct JSONataPath: Sendable {
    var steps: [JSONataStep]
    /// Set by `[]` on any step: the path's result stays an array even when it
    /// holds one value.
    var keepsSingletonArray = false
}

/// One step of a path with the predicates that filter it.
struct JSONataStep: Sendable {
    var node: JSONataNode
    var predicates: [JSONataNode] = []
}

/// One term of an order-by clause `^(<a, >b)`.
struct JSONataSortTerm: Sendable {
    var expression: JSONataNode
    var isDescending: Bool
}
