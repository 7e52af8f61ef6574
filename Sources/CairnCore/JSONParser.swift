// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension JSONValue {
    /// Parses JSON text (RFC 8259), keeping number literals exactly.
    ///
    /// - Throws: `CairnCoreError` with code `invalidJSON` and the line and
    ///   column of the first problem; duplicate member names are a problem.
    public init(parsing text: String, file: String = "<input>") throws {
        var parser = JSONParser(text: text, file: file, recordsPositions: false)
        self = try parser.parseDocument()
    }

    /// Parses JSON text and records where each value was written.
    public static func parseWithSourceMap(
        _ text: String,
        file: String
    ) throws -> (value: JSONValue, sourceMap: SourceMap) {
        var parser = JSONParser(text: text, file: file, recordsPositions: true)
        let value = try parser.parseDocument()
        return (value, parser.sourceMap)
    }
}

/// A recursive-descent JSON reader over UTF-8 bytes that counts lines and
/// columns as it goes.
struct JSONParser {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private let recordsPositions: Bool
    private(set) var sourceMap: SourceMap
    private var path: [JSONPathComponent] = []
    private var depth = 0
    /// The last column computed: on which line, at which offset, and its value.
    private var columnCache: (lineStart: Int, offset: Int, column: Int) = (0, 0, 1)
    private static let maximumDepth = 512

    init(text: String, file: String, recordsPositions: Bool) {
        self.bytes = Array(text.utf8)
        self.recordsPositions = recordsPositions
        self.sourceMap = SourceMap(file: file)
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == 0xEF, bytes.count - offset >= 3 {
            offset += 3  // a UTF-8 byte-order mark
            skipWhitespace()
        }
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else {
            throw error("unexpected text after the JSON value")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws -> JSONValue {
        guard offset < bytes.count else { throw error("unexpected end of input, expected a value") }
        if recordsPositions { sourceMap.recordValue(at: path, line: line, column: column) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseKeyword("true", as: .bool(true))
        case UInt8(ascii: "f"): return try parseKeyword("false", as: .bool(false))
        case UInt8(ascii: "n"): return try parseKeyword("null", as: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(currentCharacter)', expected a value")
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        offset += 1
        var object = JSONObject()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            offset += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a member name in quotes") }
            let keyLine = line
            let keyColumn = column
            let key = try parseString()
            if object.contains(key) {
                throw error("duplicate key '\(key)'", line: keyLine, column: keyColumn)
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after member name") }
            offset += 1
            skipWhitespace()
            path.append(.key(key))
            if recordsPositions { sourceMap.recordKey(at: path, line: keyLine, column: keyColumn) }
            object[key] = try parseValue()
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                offset += 1
                continue
            }
            guard peek(UInt8(ascii: "}")) else { throw error("expected ',' or '}' in object") }
            offset += 1
            depth -= 1
            return .object(object)
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            path.append(.index(elements.count))
            elements.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                offset += 1
                continue
            }
            guard peek(UInt8(ascii: "]")) else { throw error("expected ',' or ']' in array") }
            offset += 1
            depth -= 1
            return .array(elements)
        }
    }

    private mutating func enterContainer() throws {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("values are nested more than \(JSONParser.maximumDepth) levels deep")
        }
    }

    private mutating func parseKeyword(_ word: String, as value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count,
            Array(bytes[offset..<offset + expected.count]) == expected
        else {
            throw error("unexpected character '\(currentCharacter)', expected a value")
        }
        offset += expected.count
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = offset
        while offset < bytes.count, JSONParser.isNumberByte(bytes[offset]) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let number = JSONNumber(literal: text) else {
            throw error("'\(text)' is not a valid number", column: column(of: start))
        }
        return .number(number)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    // MARK: - Strings

    private mutating func parseString() throws -> String {
        offset += 1
        let start = offset
        // Most strings have no escapes: take their bytes in one piece.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                defer { offset += 1 }
                return String(decoding: bytes[start..<offset], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error("control character in string; write it as an escape such as \\n")
            }
            offset += 1
        }
        // Escapes: gather UTF-8 bytes and decode once, which stays linear.
        var buffer = Array(bytes[start..<offset])
        while true {
            guard offset < bytes.count else { throw error("unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error("control character in string; write it as an escape such as \\n")
            }
            guard byte == UInt8(ascii: "\\") else {
                buffer.append(byte)
                offset += 1
                continue
            }
            offset += 1
            buffer.append(contentsOf: String(Character(try parseEscape())).utf8)
        }
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard offset < bytes.count else { throw error("unterminated string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHexQuad()
            if (0xD800..<0xDC00).contains(high) {
                guard peek(UInt8(ascii: "\\")), offset + 1 < bytes.count,
                    bytes[offset + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate in \\u escape") }
                offset += 2
                let low = try parseHexQuad()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("unpaired surrogate in \\u escape")
                }
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                if let scalar = Unicode.Scalar(combined) { return scalar }
            } else if let scalar = Unicode.Scalar(high) {
                return scalar
            }
            throw error("invalid \\u escape")
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))' in string")
        }
    }

    private mutating func parseHexQuad() throws -> UInt32 {
        guard bytes.count - offset >= 4 else { throw error("incomplete \\u escape") }
        let digits = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        guard let value = UInt32(digits, radix: 16) else { throw error("invalid \\u escape") }
        offset += 4
        return value
    }

    // MARK: - Positions

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte
    }

    private var column: Int {
        mutating get { column(of: offset) }
    }

    private mutating func column(of position: Int) -> Int {
        // Columns count characters (UTF-8 continuation bytes are skipped).
        // Counting on from the last position asked for keeps a long line, such
        // as a whole document on one line, linear instead of quadratic.
        let end = min(position, bytes.count)
        if columnCache.lineStart != lineStart || columnCache.offset > end {
            columnCache = (lineStart, lineStart, 1)
        }
        var column = columnCache.column
        for byte in bytes[columnCache.offset..<end] where byte & 0xC0 != 0x80 {
            column += 1
        }
        columnCache = (lineStart, end, column)
        return column
    }

    private var currentCharacter: String {
        guard offset < bytes.count else { return "end of input" }
        let end = min(offset + 4, bytes.count)
        return String(String(decoding: bytes[offset..<end], as: UTF8.self).prefix(1))
    }

    private mutating func error(
        _ message: String,
        line: Int? = nil,
        column: Int? = nil
    ) -> CairnCoreError {
        CairnCoreError(
            code: .invalidJSON,
            message: message,
            location: SourceLocation(
                file: sourceMap.file,
                line: line ?? self.line,
                column: column ?? self.column
            )
        )
    }
}
