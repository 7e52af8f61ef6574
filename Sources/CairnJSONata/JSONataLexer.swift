// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// Splits a JSONata expression into tokens.
///
/// A `/` starts a regular expression where an operand is expected and is
/// division elsewhere, which the lexer decides from the token before it.
struct JSONataLexer {
    private let characters: [Character]
    private var index = 0
    private var tokens: [JSONataToken] = []

    static let twoCharacterSymbols: Set<String> = [
        "..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??",
    ]
    static let singleCharacterSymbols: Set<Character> = [
        ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":", "?", "+", "-", "*", "/",
        "%", "|", "=", "<", ">", "^", "&", "!", "~",
    ]

    init(_ text: String) {
        self.characters = Array(text)
    }

    static func tokenize(_ text: String) throws(CairnJSONataError) -> [JSONataToken] {
        var lexer = JSONataLexer(text)
        while let token = try lexer.next() {
            lexer.tokens.append(token)
        }
        lexer.tokens.append(JSONataToken(kind: .end, position: lexer.characters.count))
        return lexer.tokens
    }

    // MARK: - Tokens

    private mutating func next() throws(CairnJSONataError) -> JSONataToken? {
        try skipWhitespaceAndComments()
        guard index < characters.count else { return nil }
        let start = index
        let character = characters[index]
        if character == "/", expectsOperand {
            return try readRegex()
        }
        if index + 1 < characters.count {
            let pair = String([character, characters[index + 1]])
            if Self.twoCharacterSymbols.contains(pair) {
                index += 2
                return JSONataToken(kind: .symbol(pair), position: start)
            }
        }
        if Self.singleCharacterSymbols.contains(character) {
            index += 1
            return JSONataToken(kind: .symbol(String(character)), position: start)
        }
        switch character {
        case "\"", "'":
            return JSONataToken(kind: .string(try readString(quote: character)), position: start)
        case "`":
            return JSONataToken(kind: .name(try readQuotedName()), position: start)
        case "$":
            index += 1
            return JSONataToken(kind: .variable(readName()), position: start)
        case "0"..."9":
            return JSONataToken(kind: .number(try readNumber()), position: start)
        default:
            return JSONataToken(kind: Self.classify(readName()), position: start)
        }
    }

    private static func classify(_ name: String) -> JSONataToken.Kind {
        switch name {
        case "and", "or", "in": .symbol(name)
        case "true": .literal(.bool(true))
        case "false": .literal(.bool(false))
        case "null": .literal(.null)
        default: .name(name)
        }
    }

    /// Whether the next token must be an operand, which makes `/` a regex.
    private var expectsOperand: Bool {
        guard let previous = tokens.last else { return true }
        switch previous.kind {
        case .symbol(let symbol): return ![")", "]", "}"].contains(symbol)
        default: return false
        }
    }

    private mutating func skipWhitespaceAndComments() throws(CairnJSONataError) {
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                let start = index
                index += 2
                while index + 1 < characters.count,
                    !(characters[index] == "*" && characters[index + 1] == "/")
                {
                    index += 1
                }
                guard index + 1 < characters.count else {
                    throw .syntax("S0106", "Comment has no closing tag", at: start)
                }
                index += 2
            } else {
                return
            }
        }
    }

    // MARK: - Literals

    private mutating func readName() -> String {
        var name = ""
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || Self.singleCharacterSymbols.contains(character)
                || character == "\"" || character == "'" || character == "`"
            {
                break
            }
            name.append(character)
            index += 1
        }
        return name
    }

    private mutating func readQuotedName() throws(CairnJSONataError) -> String {
        let start = index
        index += 1
        var name = ""
        while index < characters.count, characters[index] != "`" {
            name.append(characters[index])
            index += 1
        }
        guard index < characters.count else {
            throw .syntax(
                "S0105",
                "Quoted property name must be terminated with a backquote (`)",
                at: start
            )
        }
        index += 1
        return name
    }

    private mutating func readNumber() throws(CairnJSONataError) -> JSONNumber {
        let start = index
        func digits() {
            while index < characters.count, characters[index].isASCIIDigit { index += 1 }
        }
        if characters[index] == "0" { index += 1 } else { digits() }
        if index + 1 < characters.count, characters[index] == ".",
            characters[index + 1].isASCIIDigit
        {
            index += 1
            digits()
        }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var lookahead = index + 1
            if lookahead < characters.count,
                characters[lookahead] == "+" || characters[lookahead] == "-"
            {
                lookahead += 1
            }
            if lookahead < characters.count, characters[lookahead].isASCIIDigit {
                index = lookahead
                digits()
            }
        }
        let literal = String(characters[start..<index])
        guard let number = JSONNumber(literal: literal), number.doubleValue.isFinite else {
            throw .syntax("S0102", "Number out of range: \(literal)", at: start)
        }
        return number
    }

    private mutating func readString(quote: Character) throws(CairnJSONataError) -> String {
        let start = index
        index += 1
        var value = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return value }
            guard character == "\\" else {
                value.append(character)
                continue
            }
            guard index < characters.count else { break }
            let escape = characters[index]
            index += 1
            switch escape {
            case "\"", "\\", "/", "'": value.append(escape)
            case "b": value.append("\u{8}")
            case "f": value.append("\u{C}")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "t": value.append("\t")
            case "u": value.unicodeScalars.append(contentsOf: try readUnicodeEscape())
            default:
                throw .syntax("S0103", "Unsupported escape sequence: \\\(escape)", at: index - 2)
            }
        }
        throw .syntax("S0101", "String literal must be terminated by a matching quote", at: start)
    }

    /// Reads the four hex digits after `\u`, joining a surrogate pair.
    private mutating func readUnicodeEscape() throws(CairnJSONataError) -> [Unicode.Scalar] {
        let high = try readHexQuad()
        if (0xD800...0xDBFF).contains(high), index + 5 < characters.count,
            characters[index] == "\\", characters[index + 1] == "u"
        {
            index += 2
            let low = try readHexQuad()
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined).map { [$0] } ?? []
        }
        return Unicode.Scalar(high).map { [$0] } ?? []
    }

    private mutating func readHexQuad() throws(CairnJSONataError) -> UInt32 {
        guard index + 4 <= characters.count,
            let value = UInt32(String(characters[index..<index + 4]), radix: 16)
        else {
            throw .syntax(
                "S0104",
                "The escape sequence \\u must be followed by 4 hex digits",
                at: index
            )
        }
        index += 4
        return value
    }

    private mutating func readRegex() throws(CairnJSONataError) -> JSONataToken {
        let start = index
        index += 1
        var pattern = ""
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "/", !inClass { break }
            if character == "[" { inClass = true }
            if character == "]" { inClass = false }
            pattern.append(character)
            if character == "\\", index + 1 < characters.count {
                pattern.append(characters[index + 1])
                index += 1
            }
            index += 1
        }
        guard index < characters.count else {
            throw .syntax("S0302", "No terminating / in regular expression", at: start)
        }
        index += 1
        guard !pattern.isEmpty else {
            throw .syntax("S0301", "Empty regular expressions are not allowed", at: start)
        }
        var flags = ""
        while index < characters.count, characters[index].isLetter {
            flags.append(characters[index])
            index += 1
        }
        return JSONataToken(kind: .regex(pattern: pattern, flags: flags), position: start)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
