// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// One lexical unit of a JSONata expression.
struct JSONataToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// An operator or punctuation mark, including `and`, `or` and `in`.
        case symbol(String)
        case name(String)
        /// `$name`; the empty name is `$`, the name `$` is `$$`.
        case variable(String)
        case string(String)
        case number(JSONNumber)
        /// `true`, `false` or `null`.
        case literal(JSONValue)
        case regex(pattern: String, flags: String)
        case end
    }

    var kind: Kind
    /// Offset of the token's first character in the expression.
    var position: Int

    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol(symbol)
    }

    /// How the token reads in an error message.
    var text: String {
        switch kind {
        case .symbol(let symbol): symbol
        case .name(let name): name
        case .variable(let name): "$" + name
        case .string(let value): value
        case .number(let number): number.literal
        case .literal(let value): value.compactText
        case .regex(let pattern, _): "/\(pattern)/"
        case .end: "(end)"
        }
    }
}
