// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

extension JSONPath {
    /// The predicate of a filter step, `[?(@.price < 10 && @.inStock)]`.
    public indirect enum Filter: Sendable, Hashable {
        /// `@.isbn`: the operand names something that exists.
        case exists(Operand)
        case not(Filter)
        case and(Filter, Filter)
        case or(Filter, Filter)
        case comparison(Operand, Operator, Operand)
    }

    /// One side of a filter comparison.
    public enum Operand: Sendable, Hashable {
        /// `@...`: steps from the element being tested.
        case current([Segment])
        /// `$...`, `$$...` or `$name...`: a path from outside the element.
        case path(JSONPath)
        /// A number, a quoted string, `true`, `false`, `null` or `[...]`.
        case literal(JSONValue)
        /// `/pattern/` with an optional `i` flag, the right side of `=~`.
        case regex(pattern: String, caseInsensitive: Bool)
    }

    /// The comparison operators Jayway filters accept.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case lessThan = "<"
        case lessThanOrEqual = "<="
        case greaterThan = ">"
        case greaterThanOrEqual = ">="
        case matches = "=~"
        case `in` = "in"
        case notIn = "nin"
        case subsetOf = "subsetof"
        case anyOf = "anyof"
        case noneOf = "noneof"
        case size = "size"
        case empty = "empty"
    }
}
