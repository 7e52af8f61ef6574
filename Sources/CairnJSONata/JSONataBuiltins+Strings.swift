// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

extension JSONataBuiltins {
    /// String functions; positions and lengths count Unicode code points.
    static let strings: [JSONataNativeFunction] = [
        JSONataNativeFunction("string", 1...2, usesContext: true) { call in
            guard let value = call[0] else { return nil }
            return .string(
                JSONataFormatter.string(
                    of: value,
                    pretty: JSONataEvaluator.boolean(call[1]) == true
                )
            )
        },
        JSONataNativeFunction("length", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            return .number(JSONNumber(text.unicodeScalars.count))
        },
        JSONataNativeFunction("substring", 2...3, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard let start = try call.number(1) else { throw call.mismatch(1) }
            return .string(substring(text, start: start, length: try call.number(2)))
        },
        JSONataNativeFunction("substringBefore", 2...2, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard let separator = try call.string(1) else { throw call.mismatch(1) }
            guard let range = text.range(of: separator) else { return .string(text) }
            return .string(String(text[..<range.lowerBound]))
        },
        JSONataNativeFunction("substringAfter", 2...2, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard let separator = try call.string(1) else { throw call.mismatch(1) }
            guard let range = text.range(of: separator) else { return .string(text) }
            return .string(String(text[range.upperBound...]))
        },
        JSONataNativeFunction("uppercase", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string($0.uppercased()) }
        },
        JSONataNativeFunction("lowercase", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string($0.lowercased()) }
        },
        JSONataNativeFunction("trim", 1...1, usesContext: true) { call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            let words = text.split(whereSeparator: { " \t\n\r".contains($0) })
            return .string(words.joined(separator: " "))
        },
        JSONataNativeFunction("pad", 2...3, usesContext: true) { call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard let width = try call.number(1) else { throw call.mismatch(1) }
            var padding = try call.string(2) ?? " "
            if padding.isEmpty { padding = " " }
            return .string(pad(text, width: Int(width), with: padding))
        },
        JSONataNativeFunction("contains", 2...2, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            switch call[1] {
            case .string(let token)?: return .bool(token.isEmpty || text.contains(token))
            case .function(let function)?:
                guard case .regex(let regex) = function.implementation else {
                    throw call.mismatch(1)
                }
                return .bool(!JSONataRegex.matches(regex, in: text).isEmpty)
            default: throw call.mismatch(1)
            }
        },
        JSONataNativeFunction("split", 2...3, usesContext: true) { call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            let limit = try call.number(2)
            if let limit, limit < 0 {
                throw .evaluation(
                    "D3020",
                    "Third argument of split function must evaluate to a positive number"
                )
            }
            var parts = try split(text, by: call[1], call: call)
            if let limit { parts = Array(parts.prefix(Int(limit))) }
            return .array(JSONataArray(parts.map(JSONataValue.string)))
        },
        JSONataNativeFunction("join", 1...2) { call throws(CairnJSONataError) in
            guard let elements = call.array(0) else { return nil }
            let separator = try call.string(1) ?? ""
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else {
                    throw .evaluation(
                        "T0412",
                        "Argument 1 of function \"join\" must be an array of strings"
                    )
                }
                texts.append(text)
            }
            return .string(texts.joined(separator: separator))
        },
        JSONataNativeFunction("match", 2...3, usesContext: true) { call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard case .function(let function)? = call[1],
                case .regex(let regex) = function.implementation
            else { throw call.mismatch(1) }
            var results = JSONataRegex.matches(regex, in: text)
            if let limit = try call.number(2) { results = Array(results.prefix(Int(limit))) }
            return .sequence(results.map { JSONataRegex.matchObject($0, in: text) })
        },
        JSONataNativeFunction("replace", 3...4, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            let limit = try call.number(3).map { Int($0) }
            return .string(try replace(text, call: call, limit: limit))
        },
        JSONataNativeFunction("base64encode", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string(Data($0.utf8).base64EncodedString()) }
        },
        JSONataNativeFunction("base64decode", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            guard let data = Data(base64Encoded: text),
                let decoded = String(data: data, encoding: .utf8)
            else { throw .evaluation("D3137", "The string is not valid base64: \(text)") }
            return .string(decoded)
        },
        JSONataNativeFunction("encodeUrlComponent", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string(encode($0, keeping: componentSafe)) }
        },
        JSONataNativeFunction("encodeUrl", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string(encode($0, keeping: urlSafe)) }
        },
        JSONataNativeFunction("decodeUrlComponent", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string($0.removingPercentEncoding ?? $0) }
        },
        JSONataNativeFunction("decodeUrl", 1...1, usesContext: true) {
            call throws(CairnJSONataError) in
            try call.string(0).map { .string($0.removingPercentEncoding ?? $0) }
        },
    ]

    // MARK: - Helpers

    /// JavaScript's `slice` over code points, as JSONata's `$substring` uses it.
    static func substring(_ text: String, start: Double, length: Double?) -> String {
        let scalars = Array(text.unicodeScalars)
        let count = scalars.count
        var from = Int(start)
        if from < 0 { from = max(0, count + from) }
        from = min(from, count)
        var to = count
        if let length {
            guard length > 0 else { return "" }
            to = min(count, from + Int(length))
        }
        guard from < to else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[from..<to])
        return String(result)
    }

    static func pad(_ text: String, width: Int, with padding: String) -> String {
        let length = text.unicodeScalars.count
        let missing = abs(width) - length
        guard missing > 0 else { return text }
        var fill = String.UnicodeScalarView()
        let pattern = Array(padding.unicodeScalars)
        for index in 0..<missing { fill.append(pattern[index % pattern.count]) }
        return width < 0 ? String(fill) + text : text + String(fill)
    }

    private static func split(
        _ text: String,
        by separator: JSONataValue?,
        call: JSONataCall
    ) throws(CairnJSONataError) -> [String] {
        switch separator {
        case .string(let token)?:
            if token.isEmpty { return text.unicodeScalars.map { String($0) } }
            return text.components(separatedBy: token)
        case .function(let function)?:
            guard case .regex(let regex) = function.implementation else { throw call.mismatch(1) }
            let source = text as NSString
            var parts: [String] = []
            var position = 0
            for result in JSONataRegex.matches(regex, in: text) where result.range.length > 0 {
                parts.append(
                    source.substring(
                        with: NSRange(
                            location: position,
                            length: result.range.location - position
                        )
                    )
                )
                position = result.range.location + result.range.length
            }
            parts.append(source.substring(from: position))
            return parts
        default:
            throw call.mismatch(1)
        }
    }

    private static func replace(
        _ text: String,
        call: JSONataCall,
        limit: Int?
    ) throws(CairnJSONataError) -> String {
        if let limit, limit < 0 {
            throw .evaluation(
                "D3011",
                "Fourth argument of replace function must evaluate to a positive number"
            )
        }
        switch call[1] {
        case .string(let pattern)?:
            guard !pattern.isEmpty else {
                throw .evaluation(
                    "D3010",
                    "Second argument of replace function cannot be an empty string"
                )
            }
            guard let replacement = try call.string(2) else { throw call.mismatch(2) }
            var output = ""
            var rest = Substring(text)
            var count = 0
            while limit.map({ count < $0 }) ?? true, let range = rest.range(of: pattern) {
                output += rest[..<range.lowerBound] + replacement
                rest = rest[range.upperBound...]
                count += 1
            }
            return output + rest
        case .function(let function)?:
            guard case .regex(let regex) = function.implementation else { throw call.mismatch(1) }
            return try JSONataRegex.replace(
                regex,
                in: text,
                with: { result throws(CairnJSONataError) in
                    switch call[2] {
                    case .string(let template)?:
                        return JSONataRegex.expand(template, result, in: text)
                    case .function(let replacer)?:
                        let match = JSONataRegex.matchObject(result, in: text)
                        guard
                            case .string(let produced)? = try call.evaluator.apply(
                                replacer,
                                [match],
                                input: nil
                            )
                        else {
                            throw .evaluation(
                                "D3012",
                                "Attempted to replace a matched string with a non-string value"
                            )
                        }
                        return produced
                    default:
                        throw call.mismatch(2)
                    }
                },
                limit: limit
            )
        default:
            throw call.mismatch(1)
        }
    }

    private static let componentSafe = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
    )
    private static let urlSafe = componentSafe.union(CharacterSet(charactersIn: ";,/?:@&=+$#"))

    private static func encode(_ text: String, keeping safe: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: safe) ?? text
    }
}
