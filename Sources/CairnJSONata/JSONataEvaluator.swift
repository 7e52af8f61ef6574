// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// Runs a parsed expression; one evaluator serves one top-level evaluation.
final class JSONataEvaluator {
    let environment: JSONataEnvironment
    private var depth = 0
    private var rootInput: JSONataValue?

    /// How deeply evaluation may recurse, counting nested expressions and
    /// function calls, before it stops with JSONata's stack-overflow error.
    static let maximumDepth = 400

    init(environment: JSONataEnvironment) {
        self.environment = environment
    }

    /// The outermost frame holds the built-in functions; the caller's
    /// variables sit in a frame inside it, so they may shadow a built-in.
    func makeRootFrame(input: JSONataValue?) -> JSONataFrame {
        rootInput = input
        let builtins = JSONataFrame(parent: nil)
        for (name, function) in JSONataBuiltins.all {
            builtins.bind(name, .function(JSONataFunction(.native(function))))
        }
        let variables = JSONataFrame(parent: builtins)
        for (name, value) in environment.variables {
            variables.bind(name, JSONataValue(value))
        }
        return variables
    }

    // MARK: - Evaluation

    func evaluate(
        _ node: JSONataNode,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw .evaluation(
                "U1001",
                "Stack overflow error: Check for non-terminating recursive function.  "
                    + "Consider rewriting as tail-recursive."
            )
        }
        let result = try evaluateNode(node, input: input, frame: frame)
        return Self.collapse(result, keepsSingleton: false)
    }

    /// Applies JSONata's rule for sequences: an empty one is undefined and a
    /// one-value one is that value, unless `[]` asked to keep it an array.
    static func collapse(_ value: JSONataValue?, keepsSingleton: Bool) -> JSONataValue? {
        guard case .array(var array) = value, array.isSequence else { return value }
        if keepsSingleton { array.keepsSingleton = true }
        switch array.elements.count {
        case 0: return nil
        case 1 where !array.keepsSingleton: return array.elements[0]
        default: return .array(array)
        }
    }

    private func evaluateNode(
        _ node: JSONataNode,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        switch node {
        case .literal(let value): return JSONataValue(value)
        case .regex(let pattern, let flags): return try Self.regex(pattern, flags: flags)
        case .name(let name): return input.flatMap { Self.lookup($0, name) }
        case .path(let path): return try evaluatePath(path, input: input, frame: frame)
        case .variable(let name): return variable(name, input: input, frame: frame)
        case .wildcard: return input.map(Self.wildcard)
        case .descendants: return input.map(Self.descendants)
        case .negation(let operand): return try negate(operand, input: input, frame: frame)
        case .array(let items): return try construct(items, input: input, frame: frame)
        case .object(let pairs): return try group(input, pairs, frame: frame)
        case .group(let base, let pairs):
            return try group(evaluate(base, input: input, frame: frame), pairs, frame: frame)
        case .binary(let symbol, let left, let right):
            return try binary(symbol, left, right, input: input, frame: frame)
        case .condition(let test, let then, let otherwise):
            if Self.boolean(try evaluate(test, input: input, frame: frame)) == true {
                return try evaluate(then, input: input, frame: frame)
            }
            return try otherwise.flatMap { node throws(CairnJSONataError) in
                try evaluate(node, input: input, frame: frame)
            }
        case .block(let expressions):
            let scope = JSONataFrame(parent: frame)
            var result: JSONataValue?
            for expression in expressions {
                result = try evaluate(expression, input: input, frame: scope)
            }
            return result
        case .bind(let name, let expression):
            let value = try evaluate(expression, input: input, frame: frame)
            frame.bind(name, value)
            return value
        case .lambda(let parameters, let body):
            return .function(
                JSONataFunction(
                    .lambda(parameters: parameters, body: body, closure: frame, input: input)
                )
            )
        case .call(let callee, let arguments):
            return try call(callee, arguments, input: input, frame: frame, first: nil)
        case .placeholder:
            throw .evaluation("S0214", "The ? placeholder can only stand for a function argument")
        case .apply(let left, let right):
            return try chain(left, right, input: input, frame: frame)
        case .filter(let base, let predicates):
            var value = try evaluate(base, input: input, frame: frame)
            for predicate in predicates {
                value = try filter(value, by: predicate, frame: frame)
            }
            return value
        case .keepArray(let base):
            return Self.collapse(
                try evaluate(base, input: input, frame: frame),
                keepsSingleton: true
            )
        case .sort(let base, let terms):
            return try sort(try evaluate(base, input: input, frame: frame), by: terms, frame: frame)
        }
    }

    private func variable(
        _ name: String,
        input: JSONataValue?,
        frame: JSONataFrame
    ) -> JSONataValue? {
        switch name {
        case "": return input
        case "$": return rootInput
        default: return frame.lookup(name)
        }
    }

    private func negate(
        _ operand: JSONataNode,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        guard let value = try evaluate(operand, input: input, frame: frame) else { return nil }
        guard let number = value.doubleValue else {
            throw .evaluation(
                "D1002",
                "Cannot negate a non-numeric value: \(JSONataFormatter.string(of: value))"
            )
        }
        return try .makeNumber(-number)
    }

    /// `[a, b, ...]`: nested constructors stay arrays, other values flatten in.
    private func construct(
        _ items: [JSONataNode],
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue {
        var elements: [JSONataValue] = []
        for item in items {
            guard let value = try evaluate(item, input: input, frame: frame) else { continue }
            if item.isArrayConstructor {
                elements.append(value)
            } else {
                elements.append(contentsOf: value.elements)
            }
        }
        return .array(JSONataArray(elements, isConstructed: true))
    }

    static func regex(_ pattern: String, flags: String) throws(CairnJSONataError) -> JSONataValue {
        var options: NSRegularExpression.Options = []
        if flags.contains("i") { options.insert(.caseInsensitive) }
        if flags.contains("m") { options.insert(.anchorsMatchLines) }
        do {
            let regex = try NSRegularExpression(pattern: pattern, options: options)
            return .function(JSONataFunction(.regex(regex)))
        } catch {
            throw .evaluation("S0302", "Invalid regular expression: /\(pattern)/")
        }
    }

    // MARK: - Truth

    /// JSONata's truthiness: `nil` for undefined, as `$boolean` answers.
    static func boolean(_ value: JSONataValue?) -> Bool? {
        guard let value else { return nil }
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .number(let number): return number.doubleValue != 0
        case .string(let text): return !text.isEmpty
        case .object(let object): return object.count > 0
        case .function: return false
        case .array(let array):
            if array.elements.count == 1 { return boolean(array.elements[0]) ?? false }
            return array.elements.contains { boolean($0) == true }
        }
    }
}
