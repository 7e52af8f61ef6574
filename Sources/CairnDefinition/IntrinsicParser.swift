// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A recursive-descent reader for intrinsic function calls.
struct IntrinsicParser {
    private let text: String
    private let characters: [Character]
    private var position = 0

    init(text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parseWhole() throws(CairnDefinitionError) -> IntrinsicCall {
        skipSpaces()
        let call = try parseCall()
        skipSpaces()
        if position < characters.count {
            throw failure("unexpected '\(characters[position])' after the call")
        }
        return call
    }

    // MARK: - Calls

    private mutating func parseCall() throws(CairnDefinitionError) -> IntrinsicCall {
        let start = position
        while let character = peek(), character.isLetter || character.isNumber
            || character == "." || character == "_"
        {
            position += 1
        }
        let name = String(characters[start..<position])
        guard !name.isEmpty, peek() == "(" else {
            throw failure("expected a call such as States.Format(...)")
        }
        guard let function = IntrinsicFunction(rawValue: name) else {
            throw failure("'\(name)' is not an intrinsic function")
        }
        position += 1
        let arguments = try parseArguments(of: function)
        guard function.arity.contains(arguments.count) else {
            throw failure(
                "\(name) takes \(function.arityDescription) but was given \(arguments.count)"
            )
        }
        let callText = String(characters[start..<position])
        return IntrinsicCall(text: callText, function: function, arguments: arguments)
    }

    private mutating func parseArguments(
        of function: IntrinsicFunction
    ) throws(CairnDefinitionError) -> [IntrinsicCall.Argument] {
        var arguments: [IntrinsicCall.Argument] = []
        skipSpaces()
        if peek() == ")" {
            position += 1
            return arguments
        }
        while true {
            skipSpaces()
            let isTemplate = function == .format && arguments.isEmpty
            arguments.append(try parseArgument(asTemplate: isTemplate))
            skipSpaces()
            switch peek() {
            case ",":
                position += 1
            case ")":
                position += 1
                return arguments
            default:
                throw failure("expected ',' or ')' after an argument")
            }
        }
    }

    private mutating func parseArgument(
        asTemplate: Bool
    ) throws(CairnDefinitionError) -> IntrinsicCall.Argument {
        switch peek() {
        case "'":
            let (value, pieces) = try readString()
            return asTemplate ? .template(pieces) : .literal(.string(value))
        case "$":
            return .path(try readPath())
        case let character? where character.isNumber || character == "-":
            return .literal(try readNumber())
        case let character? where character.isLetter:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false))]
            where consumeWord(word) {
                return .literal(value)
            }
            if consumeWord("null") { return .literal(.null) }
            return .call(try parseCall())
        default:
            throw failure("expected an argument: a 'string', a number, a path or a call")
        }
    }

    // MARK: - Literals and paths

    /// Reads a single-quoted string; returns its value and, for templates,
    /// the pieces between unescaped `{}` placeholders.
    private mutating func readString() throws(CairnDefinitionError) -> (String, [String]) {
        position += 1
        var value = ""
        var pieces: [String] = []
        var piece = ""
        while let character = peek() {
            position += 1
            switch character {
            case "'":
                pieces.append(piece)
                return (value, pieces)
            case "\\":
                guard let next = peek() else { break }
                position += 1
                // AWS reserves \' \{ \} and \\; any other backslash is kept.
                let escaped = "'{}\\".contains(next) ? String(next) : "\\\(next)"
                value += escaped
                piece += escaped
            case "{" where peek() == "}":
                position += 1
                value += "{}"
                pieces.append(piece)
                piece = ""
            default:
                value.append(character)
                piece.append(character)
            }
        }
        throw failure("unterminated string literal")
    }

    private mutating func readNumber() throws(CairnDefinitionError) -> JSONValue {
        let start = position
        position += 1
        while let character = peek(), character.isNumber || "+-.eE".contains(character) {
            position += 1
        }
        let literal = String(characters[start..<position])
        guard let number = JSONNumber(literal: literal) else {
            throw failure("'\(literal)' is not a number")
        }
        return .number(number)
    }

    /// Reads a path up to the `,` or `)` that ends the argument, skipping
    /// over brackets, parentheses and quoted names inside it.
    private mutating func readPath() throws(CairnDefinitionError) -> JSONPath {
        let start = position
        var depth = 0
        var quote: Character?
        scan: while let character = peek() {
            if let open = quote {
                if character == "\\" {
                    position += 1
                } else if character == open {
                    quote = nil
                }
            } else {
                switch character {
                case "'", "\"": quote = character
                case "[", "(": depth += 1
                case "]": depth -= 1
                case ")" where depth == 0, "," where depth == 0: break scan
                case ")": depth -= 1
                default: break
                }
            }
            position += 1
        }
        var pathText = String(characters[start..<position])
        while pathText.last?.isWhitespace == true { pathText.removeLast() }
        do {
            return try JSONPath(parsing: pathText)
        } catch {
            var wrapped = error
            wrapped.message = "in '\(text)': \(error.message)"
            throw wrapped
        }
    }

    // MARK: - Characters

    private func peek() -> Character? {
        position < characters.count ? characters[position] : nil
    }

    private mutating func skipSpaces() {
        while let character = peek(), character.isWhitespace { position += 1 }
    }

    private mutating func consumeWord(_ word: String) -> Bool {
        let end = position + word.count
        guard end <= characters.count, String(characters[position..<end]) == word else {
            return false
        }
        if end < characters.count, characters[end].isLetter || characters[end] == "." {
            return false
        }
        position = end
        return true
    }

    private func failure(_ reason: String) -> CairnDefinitionError {
        CairnDefinitionError(
            code: .invalidIntrinsic,
            message: "'\(text)' is not a valid intrinsic function call: \(reason) "
                + "(at character \(position + 1))"
        )
    }
}
