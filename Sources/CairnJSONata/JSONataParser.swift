// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A top-down operator-precedence (Pratt) parser for JSONata.
///
/// TODO: The positional and context variable bindings `@$x` and `#$i`, the
/// parent operator `%` and the transform `| ... |` are not parsed, so
/// expressions using them fail with a syntax error.
struct JSONataParser {
    private var tokens: [JSONataToken]
    private var index = 0
    private var depth = 0

    /// How deeply expressions may nest before parsing stops, so that a
    /// hostile expression cannot exhaust the stack.
    static let maximumDepth = 200

    /// Binding powers of the infix operators, as JSONata defines them.
    static let bindingPowers: [String: Int] = [
        ".": 75, "[": 80, "{": 70, "(": 80, "?": 20, "+": 50, "-": 50, "*": 60, "/": 60,
        "%": 60, "=": 40, "<": 40, ">": 40, "^": 40, "..": 20, ":=": 10, "!=": 40, "<=": 40,
        ">=": 40, "~>": 40, "?:": 40, "??": 40, "and": 30, "or": 25, "in": 40, "&": 50,
    ]

    static func parse(_ text: String) throws(CairnJSONataError) -> JSONataNode {
        var parser = JSONataParser(tokens: try JSONataLexer.tokenize(text))
        let node = try parser.expression(0)
        guard case .end = parser.current.kind else {
            throw .syntax(
                "S0201",
                "Syntax error: \"\(parser.current.text)\"",
                at: parser.current.position
            )
        }
        return node
    }

    private init(tokens: [JSONataToken]) {
        self.tokens = tokens
    }

    private var current: JSONataToken { tokens[index] }

    private mutating func advance() -> JSONataToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ symbol: String) throws(CairnJSONataError) {
        guard current.isSymbol(symbol) else {
            if case .end = current.kind {
                throw .syntax(
                    "S0203",
                    "Expected \"\(symbol)\" before end of expression",
                    at: current.position
                )
            }
            throw .syntax(
                "S0202",
                "Expected \"\(symbol)\", got \"\(current.text)\"",
                at: current.position
            )
        }
        _ = advance()
    }

    // MARK: - Expressions

    private mutating func expression(_ rightBindingPower: Int) throws(CairnJSONataError)
        -> JSONataNode
    {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw .syntax("S0208", "The expression nests too deeply", at: current.position)
        }
        var left = try prefix(advance())
        while case .symbol(let symbol) = current.kind,
            let power = Self.bindingPowers[symbol], power > rightBindingPower
        {
            _ = advance()
            left = try infix(symbol, left: left, power: power)
        }
        return left
    }

    private mutating func prefix(_ token: JSONataToken) throws(CairnJSONataError) -> JSONataNode {
        switch token.kind {
        case .number(let number): return .literal(.number(number))
        case .string(let text): return .literal(.string(text))
        case .literal(let value): return .literal(value)
        case .regex(let pattern, let flags): return .regex(pattern: pattern, flags: flags)
        case .variable(let name): return .variable(name)
        case .name(let name):
            if name == "function" || name == "λ", current.isSymbol("(") {
                return try lambda()
            }
            return Self.fieldPath(name)
        case .symbol(let symbol):
            return try prefixSymbol(symbol, at: token.position)
        case .end:
            throw .syntax("S0207", "Unexpected end of expression", at: token.position)
        }
    }

    private mutating func prefixSymbol(
        _ symbol: String,
        at position: Int
    ) throws(CairnJSONataError) -> JSONataNode {
        switch symbol {
        case "-":
            let operand = try expression(70)
            if case .literal(.number(let number)) = operand {
                let negated =
                    number.literal.hasPrefix("-")
                    ? String(number.literal.dropFirst()) : "-" + number.literal
                return .literal(.number(JSONNumber(literal: negated) ?? number))
            }
            return .negation(operand)
        case "*": return .wildcard
        case "**": return .descendants
        case "?": return .placeholder
        case "(":
            var expressions: [JSONataNode] = []
            while !current.isSymbol(")") {
                expressions.append(try expression(0))
                guard current.isSymbol(";") else { break }
                _ = advance()
            }
            try expect(")")
            return .block(expressions)
        case "[":
            var items: [JSONataNode] = []
            if !current.isSymbol("]") {
                repeat {
                    if current.isSymbol(",") { _ = advance() }
                    items.append(try expression(0))
                } while current.isSymbol(",")
            }
            try expect("]")
            return .array(items)
        case "{":
            return .object(try objectPairs())
        case "and", "or", "in":
            // JSONata lets these words name fields where an operand is expected.
            return Self.fieldPath(symbol)
        default:
            throw .syntax(
                "S0211",
                "The symbol \"\(symbol)\" cannot be used as a unary operator",
                at: position
            )
        }
    }

    private mutating func objectPairs() throws(CairnJSONataError)
        -> [(key: JSONataNode, value: JSONataNode)]
    {
        var pairs: [(key: JSONataNode, value: JSONataNode)] = []
        if !current.isSymbol("}") {
            repeat {
                if current.isSymbol(",") { _ = advance() }
                let key = try expression(0)
                try expect(":")
                pairs.append((key, try expression(0)))
            } while current.isSymbol(",")
        }
        try expect("}")
        return pairs
    }

    private mutating func lambda() throws(CairnJSONataError) -> JSONataNode {
        try expect("(")
        var parameters: [String] = []
        while !current.isSymbol(")") {
            guard case .variable(let name) = advance().kind else {
                throw .syntax(
                    "S0208",
                    "Parameter of a function definition must be a variable",
                    at: current.position
                )
            }
            parameters.append(name)
            guard current.isSymbol(",") else { break }
            _ = advance()
        }
        try expect(")")
        if current.isSymbol("<") { try skipSignature() }
        try expect("{")
        let body = try expression(0)
        try expect("}")
        return .lambda(parameters: parameters, body: body)
    }

    /// Skips a type signature such as `<n-n?:n>`; Cairn checks argument types
    /// inside each built-in function instead.
    private mutating func skipSignature() throws(CairnJSONataError) {
        var nesting = 0
        repeat {
            let token = advance()
            if token.isSymbol("<") { nesting += 1 }
            if token.isSymbol(">") { nesting -= 1 }
            if case .end = token.kind {
                throw .syntax("S0401", "Unterminated function signature", at: token.position)
            }
        } while nesting > 0
    }

    // MARK: - Infix operators

    private mutating func infix(
        _ symbol: String,
        left: JSONataNode,
        power: Int
    ) throws(CairnJSONataError) -> JSONataNode {
        switch symbol {
        case ".":
            return Self.joinPath(left, try expression(power))
        case "[":
            return try predicate(on: left)
        case "{":
            return .group(left, try objectPairs())
        case "(":
            var arguments: [JSONataNode] = []
            while !current.isSymbol(")") {
                arguments.append(try expression(0))
                guard current.isSymbol(",") else { break }
                _ = advance()
            }
            try expect(")")
            return .call(left, arguments: arguments)
        case "?":
            let then = try expression(0)
            var otherwise: JSONataNode?
            if current.isSymbol(":") {
                _ = advance()
                otherwise = try expression(0)
            }
            return .condition(left, then: then, else: otherwise)
        case ":=":
            guard case .variable(let name) = left else {
                throw .syntax(
                    "S0212",
                    "The left side of := must be a variable name (start with $)",
                    at: current.position
                )
            }
            return .bind(name, try expression(power - 1))
        case "~>":
            return .apply(left, try expression(power))
        case "^":
            return .sort(left, try sortTerms())
        default:
            return .binary(symbol, left, try expression(power))
        }
    }

    private mutating func predicate(on left: JSONataNode) throws(CairnJSONataError)
        -> JSONataNode
    {
        if current.isSymbol("]") {
            _ = advance()
            if case .path(var path) = left {
                path.keepsSingletonArray = true
                return .path(path)
            }
            return .keepArray(left)
        }
        let condition = try expression(0)
        try expect("]")
        switch left {
        case .path(var path) where !path.steps.isEmpty:
            path.steps[path.steps.count - 1].predicates.append(condition)
            return .path(path)
        case .filter(let base, let predicates):
            return .filter(base, predicates + [condition])
        default:
            return .filter(left, [condition])
        }
    }

    private mutating func sortTerms() throws(CairnJSONataError) -> [JSONataSortTerm] {
        try expect("(")
        var terms: [JSONataSortTerm] = []
        repeat {
            if current.isSymbol(",") { _ = advance() }
            var isDescending = false
            if current.isSymbol("<") {
                _ = advance()
            } else if current.isSymbol(">") {
                _ = advance()
                isDescending = true
            }
            terms.append(JSONataSortTerm(expression: try expression(0), isDescending: isDescending))
        } while current.isSymbol(",")
        try expect(")")
        return terms
    }

    /// `left.right` as one path, so that each step maps over the last one's values.
    static func joinPath(_ left: JSONataNode, _ right: JSONataNode) -> JSONataNode {
        var path: JSONataPath
        if case .path(let existing) = left {
            path = existing
        } else {
            path = JSONataPath(steps: [JSONataStep(node: left)])
        }
        switch right {
        case .path(let tail):
            path.steps.append(contentsOf: tail.steps)
            path.keepsSingletonArray = path.keepsSingletonArray || tail.keepsSingletonArray
        case .literal(.string(let name)):
            path.steps.append(JSONataStep(node: .name(name)))
        default:
            path.steps.append(JSONataStep(node: right))
        }
        return .path(path)
    }
}

// MARK: - Field names

extension JSONataParser {
    /// A bare field name is a path of one step.
    static func fieldPath(_ name: String) -> JSONataNode {
        .path(JSONataPath(steps: [JSONataStep(node: .name(name))]))
    }
}
