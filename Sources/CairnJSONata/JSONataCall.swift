// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// The arguments of one call to a built-in function, with typed accessors
/// that raise JSONata's signature errors.
struct JSONataCall {
    let evaluator: JSONataEvaluator
    let name: String
    let arguments: [JSONataValue?]
    /// The caller's context value.
    let input: JSONataValue?

    subscript(index: Int) -> JSONataValue? {
        index < arguments.count ? arguments[index] : nil
    }

    func mismatch(_ index: Int) -> CairnJSONataError {
        .evaluation(
            "T0410",
            "Argument \(index + 1) of function \"\(name)\" does not match function signature"
        )
    }

    /// A string argument; `nil` when undefined.
    func string(_ index: Int) throws(CairnJSONataError) -> String? {
        switch self[index] {
        case nil: return nil
        case .string(let text)?: return text
        case .array(let array)? where array.elements.count == 1:
            if case .string(let text) = array.elements[0] { return text }
            throw mismatch(index)
        default: throw mismatch(index)
        }
    }

    /// A number argument; `nil` when undefined.
    func number(_ index: Int) throws(CairnJSONataError) -> Double? {
        switch self[index] {
        case nil: return nil
        case .number(let number)?: return number.doubleValue
        case .array(let array)? where array.elements.count == 1:
            if let value = array.elements[0].doubleValue { return value }
            throw mismatch(index)
        default: throw mismatch(index)
        }
    }

    /// A boolean argument; `nil` when undefined.
    func bool(_ index: Int) throws(CairnJSONataError) -> Bool? {
        switch self[index] {
        case nil: return nil
        case .bool(let flag)?: return flag
        default: throw mismatch(index)
        }
    }

    /// An array argument: a lone value counts as an array of one, as
    /// JSONata's `a` signature type does; `nil` when undefined.
    func array(_ index: Int) -> [JSONataValue]? {
        self[index].map(\.elements)
    }

    /// An array of numbers; `nil` when undefined.
    func numbers(_ index: Int) throws(CairnJSONataError) -> [Double]? {
        guard let elements = array(index) else { return nil }
        var numbers: [Double] = []
        for element in elements {
            guard let number = element.doubleValue else {
                throw .evaluation(
                    "T0412",
                    "Argument \(index + 1) of function \"\(name)\" must be an array of numbers"
                )
            }
            numbers.append(number)
        }
        return numbers
    }

    func function(_ index: Int) throws(CairnJSONataError) -> JSONataFunction? {
        switch self[index] {
        case nil: return nil
        case .function(let function)?: return function
        default: throw mismatch(index)
        }
    }

    func object(_ index: Int) throws(CairnJSONataError) -> JSONataObject? {
        switch self[index] {
        case nil: return nil
        case .object(let object)?: return object
        default: throw mismatch(index)
        }
    }
}
