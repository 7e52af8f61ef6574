// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataBuiltins {
    /// Functions that take a function: `$map`, `$filter`, `$reduce`, ...
    static let higherOrder: [JSONataNativeFunction] = [
        JSONataNativeFunction("map", 2...2) { call throws(CairnJSONataError) in
            guard let elements = call.array(0) else { return nil }
            guard let function = try call.function(1) else { throw call.mismatch(1) }
            var results: [JSONataValue] = []
            for (index, element) in elements.enumerated() {
                let arguments = [
                    element, .number(JSONNumber(index)), .array(JSONataArray(elements)),
                ]
                if let result = try call.evaluator.callback(function, arguments) {
                    results.append(result)
                }
            }
            return .sequence(results)
        },
        JSONataNativeFunction("filter", 2...2) { call throws(CairnJSONataError) in
            guard let elements = call.array(0) else { return nil }
            guard let function = try call.function(1) else { throw call.mismatch(1) }
            var results: [JSONataValue] = []
            for (index, element) in elements.enumerated() {
                let arguments = [
                    element, .number(JSONNumber(index)), .array(JSONataArray(elements)),
                ]
                if JSONataEvaluator.boolean(try call.evaluator.callback(function, arguments))
                    == true
                {
                    results.append(element)
                }
            }
            return .sequence(results)
        },
        JSONataNativeFunction("single", 1...2) { call throws(CairnJSONataError) in
            guard let elements = call.array(0) else { return nil }
            let function = try call.function(1)
            var found: JSONataValue?
            for (index, element) in elements.enumerated() {
                let arguments = [
                    element, .number(JSONNumber(index)), .array(JSONataArray(elements)),
                ]
                let matches =
                    try function.map { function throws(CairnJSONataError) in
                        JSONataEvaluator.boolean(try call.evaluator.callback(function, arguments))
                            == true
                    } ?? true
                guard matches else { continue }
                guard found == nil else {
                    throw .evaluation(
                        "D3138",
                        "The $single() function expected exactly 1 matching "
                            + "result.  Instead it matched more."
                    )
                }
                found = element
            }
            guard let found else {
                throw .evaluation(
                    "D3139",
                    "The $single() function expected exactly 1 matching "
                        + "result.  Instead it matched 0."
                )
            }
            return found
        },
        JSONataNativeFunction("reduce", 2...3) { call throws(CairnJSONataError) in
            guard let elements = call.array(0) else { return nil }
            guard let function = try call.function(1) else { throw call.mismatch(1) }
            guard function.arity >= 2 else {
                throw .evaluation(
                    "D3050",
                    "The second argument of reduce function must be a "
                        + "function with at least two arguments"
                )
            }
            var remaining = elements[...]
            var accumulator = call.arguments.count > 2 ? call[2] : remaining.popFirst()
            var index = elements.count - remaining.count
            while let element = remaining.popFirst() {
                let arguments = [
                    accumulator, element, .number(JSONNumber(index)),
                    .array(JSONataArray(elements)),
                ]
                let count = max(2, min(function.arity, arguments.count))
                accumulator = try call.evaluator.apply(
                    function,
                    Array(arguments.prefix(count)),
                    input: nil
                )
                index += 1
            }
            return accumulator
        },
        JSONataNativeFunction("sift", 1...2, usesContext: true) { call throws(CairnJSONataError) in
            guard let object = try call.object(0) else { return nil }
            guard let function = try call.function(1) else { throw call.mismatch(1) }
            var kept = JSONataObject()
            for pair in object.pairs {
                let arguments: [JSONataValue?] = [pair.value, .string(pair.key), .object(object)]
                if JSONataEvaluator.boolean(try call.evaluator.callback(function, arguments))
                    == true
                {
                    kept[pair.key] = pair.value
                }
            }
            return kept.count == 0 ? nil : .object(kept)
        },
        JSONataNativeFunction("each", 1...2, usesContext: true) { call throws(CairnJSONataError) in
            guard let object = try call.object(0) else { return nil }
            guard let function = try call.function(1) else { throw call.mismatch(1) }
            var results: [JSONataValue] = []
            for pair in object.pairs {
                let arguments: [JSONataValue?] = [pair.value, .string(pair.key), .object(object)]
                if let result = try call.evaluator.callback(function, arguments) {
                    results.append(result)
                }
            }
            return .sequence(results)
        },
    ]
}
