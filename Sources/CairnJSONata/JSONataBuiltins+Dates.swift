// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataBuiltins {
    /// Date and time functions over milliseconds since the epoch, in UTC.
    ///
    /// TODO: XPath picture strings and time zones (`$fromMillis(ms, '[Y]-[M]')`,
    /// `$toMillis(text, picture)`, `$now(picture, zone)`) are not supported;
    /// such calls fail with D3133 instead of formatting.
    static let dates: [JSONataNativeFunction] = [
        JSONataNativeFunction("millis", 0...0) { call in
            .number(JSONNumber(call.evaluator.environment.nowMilliseconds))
        },
        JSONataNativeFunction("now", 0...2) { call throws(CairnJSONataError) in
            try refusePicture(call, at: 0)
            return .string(JSONataTimestamp.iso(call.evaluator.environment.nowMilliseconds))
        },
        JSONataNativeFunction("fromMillis", 1...3, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let milliseconds = try call.number(0) else { return nil }
            try refusePicture(call, at: 1)
            return .string(JSONataTimestamp.iso(Int64(milliseconds.rounded(.down))))
        },
        JSONataNativeFunction("toMillis", 1...2, usesContext: true) {
            call throws(CairnJSONataError) in
            guard let text = try call.string(0) else { return nil }
            try refusePicture(call, at: 1)
            guard let milliseconds = JSONataTimestamp.parse(text) else {
                throw .evaluation("D3110", "The timestamp \(text) cannot be parsed")
            }
            return .number(JSONNumber(milliseconds))
        },
    ]

    private static func refusePicture(_ call: JSONataCall, at index: Int) throws(CairnJSONataError)
    {
        if call.arguments.count > index, call[index] != nil {
            throw .evaluation(
                "D3133",
                "Picture strings in $\(call.name) are not supported by Cairn"
            )
        }
    }
}
