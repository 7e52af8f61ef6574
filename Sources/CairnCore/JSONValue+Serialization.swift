// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension JSONValue {
    /// The value as compact JSON, with no spaces, keys in insertion order, and
    /// only the escapes JSON requires, the way AWS prints values in error
    /// causes.
    public var compactText: String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// The value as indented JSON for people to read.
    public var prettyText: String {
        var output = ""
        write(to: &output, indent: "  ", level: 0)
        return output
    }

    private func write(to output: inout String, indent: String?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.literal
        case .string(let value): JSONValue.writeQuoted(value, to: &output)
        case .array(let elements):
            writeContainer(
                elements.map { (key: String?.none, value: $0) },
                open: "[", close: "]", to: &output, indent: indent, level: level
            )
        case .object(let object):
            writeContainer(
                object.map { (key: Optional($0.key), value: $0.value) },
                open: "{", close: "}", to: &output, indent: indent, level: level
            )
        }
    }

    private func writeContainer(
        _ members: [(key: String?, value: JSONValue)],
        open: String,
        close: String,
        to output: inout String,
        indent: String?,
        level: Int
    ) {
        output += open
        guard !members.isEmpty else {
            output += close
            return
        }
        for (offset, member) in members.enumerated() {
            if offset > 0 { output += "," }
            if let indent {
                output += "\n" + String(repeating: indent, count: level + 1)
            }
            if let key = member.key {
                JSONValue.writeQuoted(key, to: &output)
                output += indent == nil ? ":" : ": "
            }
            member.value.write(to: &output, indent: indent, level: level + 1)
        }
        if let indent {
            output += "\n" + String(repeating: indent, count: level)
        }
        output += close
    }

    /// Appends `text` as a JSON string literal.
    public static func writeQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { compactText }
}
