// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// The function library: JSONata's own functions that Step Functions keeps,
/// and the ones Step Functions adds (`$partition`, `$range`, `$hash`,
/// `$random` with a seed, `$uuid`, `$parse`).
///
/// `$eval` is left out, as Step Functions leaves it out.
enum JSONataBuiltins {
    static let all: [String: JSONataNativeFunction] = {
        var table: [String: JSONataNativeFunction] = [:]
        for function in strings + numbers + collections + higherOrder + dates + stepFunctions {
            table[function.name] = function
        }
        return table
    }()

    /// `$error(message)` and `$assert(condition, message)`.
    static let failures: [JSONataNativeFunction] = [
        JSONataNativeFunction("error", 0...1) { call throws(CairnJSONataError) in
            throw .evaluation("D3137", try call.string(0) ?? "$error() function evaluated")
        },
        JSONataNativeFunction("assert", 1...2) { call throws(CairnJSONataError) in
            guard case .bool(let condition)? = call[0] else {
                throw .evaluation(
                    "T0410",
                    "Argument 1 of function \"assert\" does not match function "
                        + "signature"
                )
            }
            if !condition {
                throw .evaluation("D3141", try call.string(1) ?? "$assert() statement failed")
            }
            return nil
        },
    ]
}
