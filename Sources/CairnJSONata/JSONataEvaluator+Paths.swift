// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataEvaluator {
    // MARK: - Paths

    /// Evaluates each step against every value the previous step produced,
    /// flattening arrays into one sequence as it goes.
    func evaluatePath(
        _ path: JSONataPath,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        var context: [JSONataValue?]
        if case .array(let array)? = input, !Self.isVariable(path.steps.first?.node) {
            context = array.elements
        } else {
            context = [input]
        }
        var result = JSONataArray([], isSequence: true)
        for (index, step) in path.steps.enumerated() {
            if index == 0, step.node.isArrayConstructor {
                let value = try evaluate(step.node, input: input, frame: frame)
                result =
                    value?.arrayValue ?? JSONataArray(value.map { [$0] } ?? [], isSequence: true)
            } else {
                result = try evaluateStep(
                    step,
                    context: context,
                    frame: frame,
                    isLast: index == path.steps.count - 1
                )
            }
            if result.elements.isEmpty { break }
            context = result.elements
        }
        if path.keepsSingletonArray {
            if result.isConstructed, !result.isSequence {
                result = JSONataArray([.array(result)], isSequence: true)
            }
            result.keepsSingleton = true
        }
        return .array(result)
    }

    private static func isVariable(_ node: JSONataNode?) -> Bool {
        if case .variable? = node { return true }
        return false
    }

    private func evaluateStep(
        _ step: JSONataStep,
        context: [JSONataValue?],
        frame: JSONataFrame,
        isLast: Bool
    ) throws(CairnJSONataError) -> JSONataArray {
        var results: [JSONataValue] = []
        for item in context {
            var value = try evaluate(step.node, input: item, frame: frame)
            for predicate in step.predicates {
                value = try filter(value, by: predicate, frame: frame)
            }
            if let value { results.append(value) }
        }
        // A last step that yields exactly one array keeps it whole: that is
        // how `$states.input.items` returns `[0]` and not `0`.
        if isLast, results.count == 1, case .array(let array) = results[0], !array.isSequence {
            return array
        }
        var flattened: [JSONataValue] = []
        for result in results {
            if case .array(let array) = result, !array.isConstructed {
                flattened.append(contentsOf: array.elements)
            } else {
                flattened.append(result)
            }
        }
        return JSONataArray(flattened, isSequence: true)
    }

    /// The member `name` of an object, or of each object in an array.
    static func lookup(_ value: JSONataValue, _ name: String) -> JSONataValue? {
        switch value {
        case .object(let object):
            return object[name]
        case .array(let array):
            var results: [JSONataValue] = []
            for element in array.elements {
                guard let found = lookup(element, name) else { continue }
                if case .array(let nested) = found {
                    results.append(contentsOf: nested.elements)
                } else {
                    results.append(found)
                }
            }
            return .sequence(results)
        default:
            return nil
        }
    }

    static func wildcard(_ value: JSONataValue) -> JSONataValue {
        var results: [JSONataValue] = []
        let members: [JSONataValue]
        switch value {
        case .object(let object): members = object.pairs.map(\.value)
        case .array(let array): members = array.elements
        default: members = []
        }
        for member in members {
            if case .array = member {
                results.append(contentsOf: flatten(member))
            } else {
                results.append(member)
            }
        }
        return .sequence(results)
    }

    static func flatten(_ value: JSONataValue) -> [JSONataValue] {
        guard case .array(let array) = value else { return [value] }
        return array.elements.flatMap(flatten)
    }

    static func descendants(_ value: JSONataValue) -> JSONataValue {
        var results: [JSONataValue] = []
        func visit(_ value: JSONataValue) {
            switch value {
            case .array(let array):
                array.elements.forEach(visit)
            case .object(let object):
                results.append(value)
                object.pairs.forEach { visit($0.value) }
            default:
                results.append(value)
            }
        }
        visit(value)
        return .sequence(results)
    }

    // MARK: - Predicates

    /// `value[predicate]`: an index (negative counts from the end) or a test.
    func filter(
        _ value: JSONataValue?,
        by predicate: JSONataNode,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        guard let value else { return nil }
        let items = value.elements
        if case .literal(.number(let number)) = predicate {
            var index = Int(number.doubleValue.rounded(.down))
            if index < 0 { index += items.count }
            guard items.indices.contains(index) else { return .sequence([]) }
            if case .array = items[index] { return items[index] }
            return .sequence([items[index]])
        }
        var results: [JSONataValue] = []
        for (position, item) in items.enumerated() {
            let test = try evaluate(predicate, input: item, frame: frame)
            if let indexes = Self.indexes(test) {
                let matches = indexes.contains { index in
                    var index = Int(index.rounded(.down))
                    if index < 0 { index += items.count }
                    return index == position
                }
                if matches { results.append(item) }
            } else if Self.boolean(test) == true {
                results.append(item)
            }
        }
        return .sequence(results)
    }

    /// The numbers when a predicate evaluated to a number or an array of them.
    private static func indexes(_ value: JSONataValue?) -> [Double]? {
        switch value {
        case .number(let number)?: return [number.doubleValue]
        case .array(let array)?:
            let numbers = array.elements.compactMap(\.doubleValue)
            return numbers.count == array.elements.count ? numbers : nil
        default: return nil
        }
    }

    // MARK: - Object construction

    /// `{key: value}` over each value of `input`, grouping values by key.
    func group(
        _ input: JSONataValue?,
        _ pairs: [(key: JSONataNode, value: JSONataNode)],
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue {
        var items: [JSONataValue?] = input.map { $0.elements } ?? [nil]
        if items.isEmpty { items = [nil] }
        var order: [String] = []
        var groups: [String: (data: JSONataValue?, pair: Int)] = [:]
        for item in items {
            for (index, pair) in pairs.enumerated() {
                guard let key = try evaluate(pair.key, input: item, frame: frame) else { continue }
                guard case .string(let name) = key else {
                    throw .evaluation(
                        "T1003",
                        "Key in object structure must evaluate to a string; got: "
                            + JSONataFormatter.string(of: key)
                    )
                }
                if let existing = groups[name] {
                    guard existing.pair == index else {
                        throw .evaluation(
                            "D1009",
                            "Multiple key definitions evaluate to same key: \(name)"
                        )
                    }
                    groups[name]?.data = Self.append(existing.data, item)
                } else {
                    order.append(name)
                    groups[name] = (item, index)
                }
            }
        }
        var object = JSONataObject()
        for name in order {
            guard let entry = groups[name] else { continue }
            let value = try evaluate(pairs[entry.pair].value, input: entry.data, frame: frame)
            if let value { object[name] = value }
        }
        return .object(object)
    }

    /// JSONata's `$append`: undefined vanishes, everything else joins one array.
    static func append(_ first: JSONataValue?, _ second: JSONataValue?) -> JSONataValue? {
        guard let first else { return second }
        guard let second else { return first }
        return .sequence(first.elements + second.elements)
    }

    // MARK: - Sorting

    func sort(
        _ value: JSONataValue?,
        by terms: [JSONataSortTerm],
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        guard let value else { return nil }
        let sorted = try Self.mergeSort(value.elements) { left, right throws(CairnJSONataError) in
            for term in terms {
                let first = try evaluate(term.expression, input: left, frame: frame)
                let second = try evaluate(term.expression, input: right, frame: frame)
                let order = try Self.compareForSort(first, second)
                if order != 0 { return term.isDescending ? order > 0 : order < 0 }
            }
            return false
        }
        return .sequence(sorted)
    }

    /// -1, 0 or 1; undefined sorts last; only numbers with numbers and
    /// strings with strings compare.
    static func compareForSort(
        _ left: JSONataValue?,
        _ right: JSONataValue?
    ) throws(CairnJSONataError) -> Int {
        switch (left, right) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (.number(let a)?, .number(let b)?):
            return a.doubleValue == b.doubleValue ? 0 : (a.doubleValue < b.doubleValue ? -1 : 1)
        case (.string(let a)?, .string(let b)?):
            return a == b ? 0 : (JSONataFormatter.precedes(a, b) ? -1 : 1)
        case (.number?, .string?), (.string?, .number?):
            throw .evaluation("T2007", "Type mismatch when comparing values in order-by clause")
        default:
            throw .evaluation(
                "T2008",
                "The expressions within an order-by clause must evaluate to numeric or string "
                    + "values"
            )
        }
    }

    /// A stable merge sort whose comparison may throw; `precedes` answers
    /// whether the first value must come before the second.
    static func mergeSort(
        _ values: [JSONataValue],
        by precedes: (JSONataValue, JSONataValue) throws(CairnJSONataError) -> Bool
    ) throws(CairnJSONataError) -> [JSONataValue] {
        guard values.count > 1 else { return values }
        let middle = values.count / 2
        let left = try mergeSort(Array(values[..<middle]), by: precedes)
        let right = try mergeSort(Array(values[middle...]), by: precedes)
        var merged: [JSONataValue] = []
        merged.reserveCapacity(values.count)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if try precedes(right[j], left[i]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }
}
