// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// Regular-expression helpers over `NSRegularExpression`, whose ICU syntax
/// covers the JavaScript patterns JSONata expressions use.
enum JSONataRegex {
    static func matches(_ regex: NSRegularExpression, in text: String) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The object JSONata's matcher returns: `match`, `index`, `groups`.
    static func matchObject(_ result: NSTextCheckingResult, in text: String) -> JSONataValue {
        let source = text as NSString
        var object = JSONataObject()
        object["match"] = .string(source.substring(with: result.range))
        object["index"] = .number(JSONNumber(result.range.location))
        var groups: [JSONataValue] = []
        if result.numberOfRanges > 1 {
            for index in 1..<result.numberOfRanges {
                let range = result.range(at: index)
                groups.append(
                    .string(range.location == NSNotFound ? "" : source.substring(with: range))
                )
            }
        }
        object["groups"] = .array(JSONataArray(groups))
        return .object(object)
    }

    static func firstMatch(_ regex: NSRegularExpression, in text: String) -> JSONataValue? {
        guard let result = matches(regex, in: text).first else { return nil }
        return matchObject(result, in: text)
    }

    /// `$replace` with a regex: `$0`..`$9` in the replacement name the groups.
    static func replace(
        _ regex: NSRegularExpression,
        in text: String,
        with replacement: (NSTextCheckingResult) throws(CairnJSONataError) -> String,
        limit: Int?
    ) throws(CairnJSONataError) -> String {
        let source = text as NSString
        var output = ""
        var position = 0
        for (count, result) in matches(regex, in: text).enumerated() {
            if let limit, count >= limit { break }
            if result.range.length == 0 {
                throw .evaluation("D1004", "Regular expression matches zero length string")
            }
            output += source.substring(
                with: NSRange(
                    location: position,
                    length: result.range.location - position
                )
            )
            output += try replacement(result)
            position = result.range.location + result.range.length
        }
        output += source.substring(from: position)
        return output
    }

    /// Expands `$n` references in a replacement string; `$$` is a dollar.
    static func expand(_ template: String, _ result: NSTextCheckingResult, in text: String)
        -> String
    {
        let source = text as NSString
        var output = ""
        var characters = Array(template)[...]
        while let character = characters.popFirst() {
            guard character == "$" else {
                output.append(character)
                continue
            }
            if characters.first == "$" {
                characters.removeFirst()
                output.append("$")
                continue
            }
            var digits = ""
            while let next = characters.first, next.isNumber, next.isASCII {
                let candidate = digits + String(next)
                guard let group = Int(candidate), group < result.numberOfRanges || digits.isEmpty
                else { break }
                digits = candidate
                characters.removeFirst()
            }
            guard let group = Int(digits) else {
                output.append("$")
                continue
            }
            if group < result.numberOfRanges, result.range(at: group).location != NSNotFound {
                output += source.substring(with: result.range(at: group))
            }
        }
        return output
    }
}
