// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A recursive-descent reader for the JSONPath dialect AWS accepts (Jayway's).
///
/// The same reader parses the paths inside filters, where a member name also
/// ends at an operator, a space or a closing parenthesis.
struct JSONPathParser {
    private let text: String
    private let characters: [Character]
    private var position = 0

    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// Reads a whole path and requires that nothing follows it.
    mutating func parsePath() throws(CairnDefinitionError) -> (
        root: JSONPath.Root, segments: [JSONPath.Segment]
    ) {
        let root = try parseRoot()
        let segments = try parseSegments(inFilter: false)
        if position < characters.count {
            throw failure("unexpected '\(characters[position])'")
        }
        return (root, segments)
    }

    // MARK: - Roots and segments

    private mutating func parseRoot() throws(CairnDefinitionError) -> JSONPath.Root {
        guard peek() == "$" else {
            throw failure("a path must start with '$'")
        }
        position += 1
        if peek() == "$" {
            position += 1
            return .context
        }
        guard let first = peek(), first.isLetter || first == "_" else { return .input }
        var name = ""
        while let character = peek(), character.isLetter || character.isNumber || character == "_" {
            name.append(character)
            position += 1
        }
        return .variable(name)
    }

    private mutating func parseSegments(
        inFilter: Bool
    ) throws(CairnDefinitionError) -> [JSONPath.Segment] {
        var segments: [JSONPath.Segment] = []
        while let character = peek() {
            if inFilter, !(character == "." || character == "[") { break }
            if case .function = segments.last {
                throw failure("a function such as length() must end the path")
            }
            switch character {
            case ".":
                segments.append(try parseDotSegment(inFilter: inFilter))
            case "[":
                segments.append(try parseBracket())
            default:
                throw failure("expected '.' or '[' but found '\(character)'")
            }
        }
        return segments
    }

    private mutating func parseDotSegment(
        inFilter: Bool
    ) throws(CairnDefinitionError) -> JSONPath.Segment {
        position += 1
        if peek() == "." {
            position += 1
            switch peek() {
            case "*":
                position += 1
                return .descendant(.wildcard)
            case "[":
                return .descendant(try parseBracket())
            default:
                return .descendant(.member(try readMemberName(inFilter: inFilter)))
            }
        }
        if peek() == "*" {
            position += 1
            return .wildcard
        }
        let name = try readMemberName(inFilter: inFilter)
        guard peek() == "(" else { return .member(name) }
        position += 1
        guard peek() == ")" else {
            throw failure("path functions take no arguments here; expected ')'")
        }
        position += 1
        guard let function = JSONPath.Function(rawValue: name) else {
            let known = JSONPath.Function.allCases.map { "\($0.rawValue)()" }
            throw failure(
                "unknown path function '\(name)()'; known: \(known.joined(separator: ", "))"
            )
        }
        return .function(function)
    }

    private mutating func readMemberName(
        inFilter: Bool
    ) throws(CairnDefinitionError) -> String {
        let start = position
        while let character = peek(), character != ".", character != "[", character != "(" {
            if character == " " || character == "\t" {
                if inFilter { break }
                throw failure("use bracket notation ['my name'] for a member name with spaces")
            }
            if inFilter, JSONPathParser.filterStops.contains(character) { break }
            position += 1
        }
        guard position > start else {
            throw failure("expected a member name")
        }
        return String(characters[start..<position])
    }

    private static let filterStops: Set<Character> = [
        ")", "=", "!", "<", ">", "&", "|", ",", "]",
    ]

    // MARK: - Brackets

    private mutating func parseBracket() throws(CairnDefinitionError) -> JSONPath.Segment {
        position += 1
        skipSpaces()
        let segment: JSONPath.Segment
        switch peek() {
        case "*":
            position += 1
            segment = .wildcard
        case "'", "\"":
            segment = try parseQuotedMembers()
        case "?":
            position += 1
            try expect("(")
            let filter = try parseOr()
            skipSpaces()
            try expect(")")
            segment = .filter(filter)
        case let character? where character.isNumber || character == "-" || character == ":":
            segment = try parseIndicesOrSlice()
        default:
            throw failure("expected '*', a quoted name, an index, a slice or a filter after '['")
        }
        skipSpaces()
        try expect("]")
        return segment
    }

    private mutating func parseQuotedMembers() throws(CairnDefinitionError) -> JSONPath.Segment {
        var names = [try readQuoted()]
        skipSpaces()
        while peek() == "," {
            position += 1
            skipSpaces()
            guard peek() == "'" || peek() == "\"" else {
                throw failure("expected a quoted name after ','")
            }
            names.append(try readQuoted())
            skipSpaces()
        }
        return names.count == 1 ? .member(names[0]) : .members(names)
    }

    private mutating func parseIndicesOrSlice() throws(CairnDefinitionError) -> JSONPath.Segment {
        let start = try readInteger()
        skipSpaces()
        if peek() == ":" {
            position += 1
            skipSpaces()
            let end = try readInteger()
            skipSpaces()
            if peek() == ":" {
                throw failure("slices with a step ([a:b:c]) are not supported")
            }
            return .slice(start: start, end: end)
        }
        guard let first = start else {
            throw failure("expected an index")
        }
        var indices = [first]
        while peek() == "," {
            position += 1
            skipSpaces()
            guard let next = try readInteger() else {
                throw failure("expected an index after ','")
            }
            indices.append(next)
            skipSpaces()
        }
        return indices.count == 1 ? .index(first) : .indices(indices)
    }

    private mutating func readInteger() throws(CairnDefinitionError) -> Int? {
        let start = position
        if peek() == "-" { position += 1 }
        while let character = peek(), character.isASCII, character.isNumber { position += 1 }
        let digits = String(characters[start..<position])
        if digits.isEmpty { return nil }
        guard let value = Int(digits) else {
            throw failure("'\(digits)' is not an index")
        }
        return value
    }

    /// Reads a quoted string; a backslash escapes the quote character and
    /// itself, and any other backslash is kept, as AWS matches such names.
    private mutating func readQuoted() throws(CairnDefinitionError) -> String {
        guard let quote = peek() else { throw failure("expected a quote") }
        position += 1
        var value = ""
        while let character = peek() {
            position += 1
            if character == quote { return value }
            if character == "\\", let next = peek(), next == quote || next == "\\" {
                value.append(next)
                position += 1
            } else {
                value.append(character)
            }
        }
        throw failure("unterminated string")
    }

    // MARK: - Filters

    private mutating func parseOr() throws(CairnDefinitionError) -> JSONPath.Filter {
        var filter = try parseAnd()
        while skipSpaces(), consume("||") {
            filter = .or(filter, try parseAnd())
        }
        return filter
    }

    private mutating func parseAnd() throws(CairnDefinitionError) -> JSONPath.Filter {
        var filter = try parseUnary()
        while skipSpaces(), consume("&&") {
            filter = .and(filter, try parseUnary())
        }
        return filter
    }

    private mutating func parseUnary() throws(CairnDefinitionError) -> JSONPath.Filter {
        skipSpaces()
        if consume("!") {
            return .not(try parseUnary())
        }
        if consume("(") {
            let inner = try parseOr()
            skipSpaces()
            try expect(")")
            return inner
        }
        let left = try parseOperand()
        skipSpaces()
        guard let comparison = parseOperator() else { return .exists(left) }
        if comparison == .empty {
            // `empty` takes `true` or `false` on its right like the others.
            skipSpaces()
        }
        let right = try parseOperand()
        return .comparison(left, comparison, right)
    }

    private mutating func parseOperator() -> JSONPath.Operator? {
        for symbol in ["==", "!=", "<=", ">=", "=~", "<", ">"] where consume(symbol) {
            return JSONPath.Operator(rawValue: symbol)
        }
        for word in ["nin", "in", "subsetof", "anyof", "noneof", "size", "empty"] {
            let end = position + word.count
            guard end <= characters.count, String(characters[position..<end]) == word else {
                continue
            }
            if end < characters.count, characters[end].isLetter { continue }
            position = end
            return JSONPath.Operator(rawValue: word)
        }
        return nil
    }

    private mutating func parseOperand() throws(CairnDefinitionError) -> JSONPath.Operand {
        skipSpaces()
        switch peek() {
        case "@":
            position += 1
            return .current(try parseSegments(inFilter: true))
        case "$":
            let start = position
            let root = try parseRoot()
            let segments = try parseSegments(inFilter: true)
            let text = String(characters[start..<position])
            return .path(JSONPath(text: text, root: root, segments: segments))
        case "/":
            return try parseRegex()
        case nil:
            throw failure("the filter ends too early")
        default:
            return .literal(try parseLiteral())
        }
    }

    private mutating func parseLiteral() throws(CairnDefinitionError) -> JSONValue {
        skipSpaces()
        switch peek() {
        case "'", "\"":
            return .string(try readQuoted())
        case "[":
            position += 1
            var elements: [JSONValue] = []
            skipSpaces()
            if consume("]") { return .array(elements) }
            repeat {
                elements.append(try parseLiteral())
                skipSpaces()
            } while consume(",")
            try expect("]")
            return .array(elements)
        case let character? where character.isNumber || character == "-":
            let start = position
            position += 1
            while let next = peek(), next.isNumber || "+-.eE".contains(next) { position += 1 }
            let literal = String(characters[start..<position])
            guard let number = JSONNumber(literal: literal) else {
                throw failure("'\(literal)' is not a number")
            }
            return .number(number)
        default:
            for (word, value) in [("true", true), ("false", false)] where consume(word) {
                return .bool(value)
            }
            if consume("null") { return .null }
            throw failure("expected '@', a path, a number, a string, true, false or null")
        }
    }

    private mutating func parseRegex() throws(CairnDefinitionError) -> JSONPath.Operand {
        position += 1
        var pattern = ""
        while let character = peek(), character != "/" {
            position += 1
            pattern.append(character)
            if character == "\\", let next = peek() {
                pattern.append(next)
                position += 1
            }
        }
        try expect("/")
        var caseInsensitive = false
        while let flag = peek(), flag.isLetter {
            position += 1
            if flag == "i" { caseInsensitive = true }
        }
        return .regex(pattern: pattern, caseInsensitive: caseInsensitive)
    }

    // MARK: - Characters

    private func peek() -> Character? {
        position < characters.count ? characters[position] : nil
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        while let character = peek(), character == " " || character == "\t" { position += 1 }
        return true
    }

    private mutating func consume(_ literal: String) -> Bool {
        let end = position + literal.count
        guard end <= characters.count, String(characters[position..<end]) == literal else {
            return false
        }
        position = end
        return true
    }

    private mutating func expect(_ character: Character) throws(CairnDefinitionError) {
        guard peek() == character else {
            let found = peek().map { "'\($0)'" } ?? "the end"
            throw failure("expected '\(character)' but found \(found)")
        }
        position += 1
    }

    private func failure(_ reason: String) -> CairnDefinitionError {
        CairnDefinitionError(
            code: .invalidPath,
            message: "'\(text)' is not a valid JSONPath: \(reason) (at character \(position + 1))"
        )
    }
}
