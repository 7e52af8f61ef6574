// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataBuiltins {
    /// Boolean, array and object functions.
    static let collections: [JSONataNativeFunction] =
        failures + [
            JSONataNativeFunction("boolean", 1...1, usesContext: true) { call in
                JSONataEvaluator.boolean(call[0]).map(JSONataValue.bool)
            },
            JSONataNativeFunction("not", 1...1, usesContext: true) { call in
                JSONataEvaluator.boolean(call[0]).map { .bool(!$0) }
            },
            JSONataNativeFunction("exists", 1...1) { call in
                .bool(call[0] != nil)
            },
            JSONataNativeFunction("type", 1...1) { call in
                call[0].map { .string($0.typeName) }
            },
            JSONataNativeFunction("append", 2...2) { call in
                guard let first = call[0] else { return call[1] }
                guard let second = call[1] else { return first }
                return .array(JSONataArray(first.elements + second.elements))
            },
            JSONataNativeFunction("reverse", 1...1) { call in
                call.array(0).map { .array(JSONataArray($0.reversed())) }
            },
            JSONataNativeFunction("shuffle", 1...1) { call in
                guard var elements = call.array(0) else { return nil }
                for index in stride(from: elements.count - 1, to: 0, by: -1) {
                    let draw = Int(call.evaluator.environment.random() * Double(index + 1))
                    elements.swapAt(index, min(draw, index))
                }
                return .array(JSONataArray(elements))
            },
            JSONataNativeFunction("distinct", 1...1) { call in
                guard let value = call[0] else { return nil }
                guard case .array(let array) = value else { return value }
                var kept: [JSONataValue] = []
                for element in array.elements
                where !kept.contains(where: { JSONataEvaluator.isDeepEqual($0, element) }) {
                    kept.append(element)
                }
                return .array(JSONataArray(kept, isSequence: array.isSequence))
            },
            JSONataNativeFunction("sort", 1...2) { call throws(CairnJSONataError) in
                guard let elements = call.array(0) else { return nil }
                return .array(
                    JSONataArray(try sort(elements, using: try call.function(1), call: call))
                )
            },
            JSONataNativeFunction("zip", 0...Int.max) { call in
                let arrays = call.arguments.map { $0?.elements ?? [] }
                let length = arrays.map(\.count).min() ?? 0
                return .array(
                    JSONataArray(
                        (0..<length).map { index in
                            .array(JSONataArray(arrays.map { $0[index] }))
                        }
                    )
                )
            },
            JSONataNativeFunction("keys", 1...1, usesContext: true) { call in
                guard let value = call[0] else { return nil }
                var keys: [String] = []
                for case .object(let object) in value.elements {
                    for key in object.keys where !keys.contains(key) { keys.append(key) }
                }
                return .sequence(keys.map(JSONataValue.string))
            },
            JSONataNativeFunction("lookup", 2...2, usesContext: true) {
                call throws(CairnJSONataError) in
                guard let value = call[0] else { return nil }
                guard let key = try call.string(1) else { throw call.mismatch(1) }
                return JSONataEvaluator.lookup(value, key)
            },
            JSONataNativeFunction("spread", 1...1, usesContext: true) { call in
                guard let value = call[0] else { return nil }
                var results: [JSONataValue] = []
                for element in value.elements {
                    guard case .object(let object) = element else {
                        results.append(element)
                        continue
                    }
                    for pair in object.pairs {
                        var single = JSONataObject()
                        single[pair.key] = pair.value
                        results.append(.object(single))
                    }
                }
                return .sequence(results)
            },
            JSONataNativeFunction("merge", 1...1) { call throws(CairnJSONataError) in
                guard let elements = call.array(0) else { return nil }
                var merged = JSONataObject()
                for element in elements {
                    guard case .object(let object) = element else { throw call.mismatch(0) }
                    for pair in object.pairs { merged[pair.key] = pair.value }
                }
                return .object(merged)
            },
        ]

    private static func sort(
        _ elements: [JSONataValue],
        using comparator: JSONataFunction?,
        call: JSONataCall
    ) throws(CairnJSONataError) -> [JSONataValue] {
        if let comparator {
            // The comparator answers whether its first argument goes after its second.
            return try JSONataEvaluator.mergeSort(elements) { a, b throws(CairnJSONataError) in
                JSONataEvaluator.boolean(try call.evaluator.apply(comparator, [b, a], input: nil))
                    == true
            }
        }
        let allNumbers = elements.allSatisfy { $0.doubleValue != nil }
        let allStrings = elements.allSatisfy { if case .string = $0 { true } else { false } }
        guard allNumbers || allStrings else {
            throw .evaluation(
                "D3070",
                "The single argument form of the sort function can only be applied to an array "
                    + "of strings or an array of numbers.  Use the second argument to specify a "
                    + "comparison function"
            )
        }
        return try JSONataEvaluator.mergeSort(elements) { a, b throws(CairnJSONataError) in
            try JSONataEvaluator.compareForSort(a, b) < 0
        }
    }
}
