// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A value while an expression runs: JSON, plus functions, plus the flags
/// JSONata keeps on arrays. `nil` (as `JSONataValue?`) is JSONata's
/// "undefined", which is not `null`.
enum JSONataValue {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array(JSONataArray)
    case object(JSONataObject)
    case function(JSONataFunction)

    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let elements): self = .array(JSONataArray(elements.map(JSONataValue.init)))
        case .object(let object):
            var converted = JSONataObject()
            for (key, value) in object { converted[key] = JSONataValue(value) }
            self = .object(converted)
        }
    }

    /// A number value; JSONata refuses to carry infinities and NaN.
    static func makeNumber(_ value: Double) throws(CairnJSONataError) -> JSONataValue {
        guard value.isFinite else {
            throw .evaluation("D1001", "Number out of range: \(value)")
        }
        return .number(JSONNumber(value == 0 ? 0 : value))
    }

    /// A JSONata sequence of `values`, as path steps and some functions return.
    static func sequence(_ values: [JSONataValue]) -> JSONataValue {
        .array(JSONataArray(values, isSequence: true))
    }

    /// The JSON this value stands for; functions have none, and are dropped
    /// from the arrays and objects that hold them, as JSON.stringify does.
    var json: JSONValue? {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .string(let value): return .string(value)
        case .array(let array): return .array(array.elements.compactMap(\.json))
        case .object(let object):
            var converted = JSONObject()
            for key in object.keys {
                if let value = object[key]?.json { converted[key] = value }
            }
            return .object(converted)
        case .function: return nil
        }
    }

    var arrayValue: JSONataArray? {
        if case .array(let array) = self { return array }
        return nil
    }

    var isSequence: Bool { arrayValue?.isSequence == true }

    var doubleValue: Double? {
        if case .number(let number) = self { return number.doubleValue }
        return nil
    }

    var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    /// JSONata's type name, as `$type` returns it.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .function: "function"
        }
    }

    /// The elements when this is an array, otherwise the value alone.
    var elements: [JSONataValue] {
        if case .array(let array) = self { return array.elements }
        return [self]
    }
}

/// A JSONata array with the flags that steer how paths flatten it.
struct JSONataArray {
    var elements: [JSONataValue]
    /// A sequence is the result of a path or function, which flattens into
    /// the next step and collapses to its value when it holds exactly one.
    var isSequence = false
    /// Set by `[]`: a one-value sequence stays an array.
    var keepsSingleton = false
    /// Built by the array constructor `[...]`, which a path never flattens.
    var isConstructed = false

    init(
        _ elements: [JSONataValue],
        isSequence: Bool = false,
        isConstructed: Bool = false
    ) {
        self.elements = elements
        self.isSequence = isSequence
        self.isConstructed = isConstructed
    }
}

/// A JSONata object that keeps its keys in insertion order.
struct JSONataObject {
    private(set) var keys: [String] = []
    private var members: [String: JSONataValue] = [:]

    subscript(key: String) -> JSONataValue? {
        get { members[key] }
        set {
            if let newValue {
                if members.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if members.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    var count: Int { keys.count }

    var pairs: [(key: String, value: JSONataValue)] {
        keys.compactMap { key in members[key].map { (key, $0) } }
    }
}
