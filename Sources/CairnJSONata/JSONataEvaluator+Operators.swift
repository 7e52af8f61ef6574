// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension JSONataEvaluator {
    // MARK: - Binary operators

    func binary(
        _ symbol: String,
        _ leftNode: JSONataNode,
        _ rightNode: JSONataNode,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        // The short-circuiting operators evaluate their right side only when needed.
        let left = try evaluate(leftNode, input: input, frame: frame)
        switch symbol {
        case "and":
            guard Self.boolean(left) == true else { return .bool(false) }
            return .bool(Self.boolean(try evaluate(rightNode, input: input, frame: frame)) == true)
        case "or":
            if Self.boolean(left) == true { return .bool(true) }
            return .bool(Self.boolean(try evaluate(rightNode, input: input, frame: frame)) == true)
        case "??":
            if let left { return left }
            return try evaluate(rightNode, input: input, frame: frame)
        case "?:":
            if Self.boolean(left) == true { return left }
            return try evaluate(rightNode, input: input, frame: frame)
        default:
            break
        }
        let right = try evaluate(rightNode, input: input, frame: frame)
        switch symbol {
        case "+", "-", "*", "/", "%":
            return try Self.arithmetic(symbol, left, right)
        case "=":
            guard let left, let right else { return .bool(false) }
            return .bool(Self.isDeepEqual(left, right))
        case "!=":
            guard let left, let right else { return .bool(false) }
            return .bool(!Self.isDeepEqual(left, right))
        case "<", "<=", ">", ">=":
            return try Self.compare(symbol, left, right)
        case "&":
            return .string(
                JSONataFormatter.concatenationText(left)
                    + JSONataFormatter.concatenationText(right)
            )
        case "..":
            return try Self.range(left, right)
        case "in":
            guard let left, let right else { return .bool(false) }
            return .bool(right.elements.contains { Self.isDeepEqual(left, $0) })
        default:
            throw .evaluation("S0201", "Syntax error: \(symbol)")
        }
    }

    static func arithmetic(
        _ symbol: String,
        _ left: JSONataValue?,
        _ right: JSONataValue?
    ) throws(CairnJSONataError) -> JSONataValue? {
        if let left, left.doubleValue == nil {
            throw .evaluation(
                "T2001",
                "The left side of the \"\(symbol)\" operator must evaluate to a number"
            )
        }
        if let right, right.doubleValue == nil {
            throw .evaluation(
                "T2002",
                "The right side of the \"\(symbol)\" operator must evaluate to a number"
            )
        }
        guard let a = left?.doubleValue, let b = right?.doubleValue else { return nil }
        let result: Double
        switch symbol {
        case "+": result = a + b
        case "-": result = a - b
        case "*": result = a * b
        case "/": result = a / b
        default: result = a.truncatingRemainder(dividingBy: b)
        }
        return try .makeNumber(result)
    }

    static func compare(
        _ symbol: String,
        _ left: JSONataValue?,
        _ right: JSONataValue?
    ) throws(CairnJSONataError) -> JSONataValue? {
        let isComparable: (JSONataValue?) -> Bool = { value in
            switch value {
            case nil, .number?, .string?: true
            default: false
            }
        }
        guard isComparable(left), isComparable(right) else {
            throw .evaluation(
                "T2010",
                "The expressions either side of operator \"\(symbol)\" must evaluate to numeric "
                    + "or string values"
            )
        }
        guard let left, let right else { return nil }
        let order: Int
        switch (left, right) {
        case (.number(let a), .number(let b)):
            order = a.doubleValue == b.doubleValue ? 0 : (a.doubleValue < b.doubleValue ? -1 : 1)
        case (.string(let a), .string(let b)):
            order = a == b ? 0 : (JSONataFormatter.precedes(a, b) ? -1 : 1)
        default:
            throw .evaluation(
                "T2009",
                "The values \(JSONataFormatter.string(of: left)) and "
                    + "\(JSONataFormatter.string(of: right)) either side of operator "
                    + "\"\(symbol)\" must be of the same data type"
            )
        }
        switch symbol {
        case "<": return .bool(order < 0)
        case "<=": return .bool(order <= 0)
        case ">": return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    static func range(
        _ left: JSONataValue?,
        _ right: JSONataValue?
    ) throws(CairnJSONataError) -> JSONataValue? {
        if let left, !(left.doubleValue.map { $0 == $0.rounded() } ?? false) {
            throw .evaluation(
                "T2003",
                "The left side of the range operator (..) must evaluate to an integer"
            )
        }
        if let right, !(right.doubleValue.map { $0 == $0.rounded() } ?? false) {
            throw .evaluation(
                "T2004",
                "The right side of the range operator (..) must evaluate to an integer"
            )
        }
        guard let low = left?.doubleValue, let high = right?.doubleValue, low <= high else {
            return nil
        }
        let size = high - low + 1
        guard size <= 1e7 else {
            throw .evaluation(
                "D2014",
                "The size of the sequence allocated by the range operator (..) must not exceed "
                    + "1e7.  Attempted to allocate \(JSONataFormatter.numberText(size))."
            )
        }
        let start = Int64(low)
        return .sequence((0..<Int64(size)).map { .number(JSONNumber(start + $0)) })
    }

    /// JSONata's `=`: numbers by value, arrays and objects member by member.
    static func isDeepEqual(_ left: JSONataValue, _ right: JSONataValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.doubleValue == b.doubleValue
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.elements.count == b.elements.count
                && zip(a.elements, b.elements).allSatisfy { isDeepEqual($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.pairs.allSatisfy { pair in
                    b[pair.key].map { isDeepEqual(pair.value, $0) } ?? false
                }
        case (.function(let a), .function(let b)): return a === b
        default: return false
        }
    }

    // MARK: - Calls

    /// `callee(arguments)`; `first` is the left side of `~>`, passed first.
    func call(
        _ callee: JSONataNode,
        _ argumentNodes: [JSONataNode],
        input: JSONataValue?,
        frame: JSONataFrame,
        first: JSONataValue??
    ) throws(CairnJSONataError) -> JSONataValue? {
        let target = try evaluate(callee, input: input, frame: frame)
        guard case .function(let function)? = target else {
            if case .path(let path) = callee, path.steps.count == 1,
                case .name(let name) = path.steps[0].node
            {
                throw .evaluation(
                    "T1005",
                    "Attempted to invoke a non-function. Did you mean $\(name)?"
                )
            }
            throw .evaluation("T1006", "Attempted to invoke a non-function")
        }
        var arguments: [JSONataPartialArgument] = []
        if let first { arguments.append(.value(first)) }
        for node in argumentNodes {
            if case .placeholder = node {
                arguments.append(.placeholder)
            } else {
                arguments.append(.value(try evaluate(node, input: input, frame: frame)))
            }
        }
        if arguments.contains(where: \.isPlaceholder) {
            return .function(JSONataFunction(.partial(function, arguments: arguments)))
        }
        let values = arguments.map { argument -> JSONataValue? in
            if case .value(let value) = argument { return value }
            return nil
        }
        return try apply(function, values, input: input)
    }

    /// Calls `function` with `arguments`; `input` is the caller's context,
    /// which built-ins such as `$string()` take when an argument is missing.
    func apply(
        _ function: JSONataFunction,
        _ arguments: [JSONataValue?],
        input: JSONataValue?
    ) throws(CairnJSONataError) -> JSONataValue? {
        switch function.implementation {
        case .lambda(let parameters, let body, let closure, let lambdaInput):
            let scope = JSONataFrame(parent: closure)
            for (index, name) in parameters.enumerated() {
                scope.bind(name, index < arguments.count ? arguments[index] : nil)
            }
            return try evaluate(body, input: lambdaInput, frame: scope)
        case .native(let native):
            var arguments = arguments
            if native.usesContext, arguments.count < native.minimumArguments {
                arguments.insert(input, at: 0)
            }
            guard arguments.count <= native.maximumArguments else {
                throw .evaluation(
                    "T0410",
                    "Argument \(native.maximumArguments + 1) of function \"\(native.name)\" "
                        + "does not match function signature"
                )
            }
            return try native.body(
                JSONataCall(
                    evaluator: self,
                    name: native.name,
                    arguments: arguments,
                    input: input
                )
            )
        case .regex(let regex):
            guard case .string(let text)? = arguments.first else { return nil }
            return JSONataRegex.firstMatch(regex, in: text)
        case .partial(let target, let bound):
            var remaining = arguments.makeIterator()
            let filled = bound.map { argument -> JSONataValue? in
                if case .value(let value) = argument { return value }
                return remaining.next() ?? nil
            }
            return try apply(target, filled, input: input)
        case .composition(let first, let second):
            let intermediate = try apply(first, arguments, input: input)
            return try apply(second, [intermediate], input: input)
        }
    }

    /// `left ~> right`: calls `right` with `left` as its first argument.
    func chain(
        _ leftNode: JSONataNode,
        _ rightNode: JSONataNode,
        input: JSONataValue?,
        frame: JSONataFrame
    ) throws(CairnJSONataError) -> JSONataValue? {
        let left = try evaluate(leftNode, input: input, frame: frame)
        if case .call(let callee, let arguments) = rightNode {
            return try call(callee, arguments, input: input, frame: frame, first: .some(left))
        }
        guard case .function(let function)? = try evaluate(rightNode, input: input, frame: frame)
        else {
            throw .evaluation(
                "T2006",
                "The right side of the function application operator ~> must be a "
                    + "function"
            )
        }
        if case .function(let first)? = left {
            return .function(JSONataFunction(.composition(first, function)))
        }
        return try apply(function, [left], input: input)
    }

    /// Calls a function argument of a higher-order function with as many of
    /// (value, index, array) as it takes.
    func callback(
        _ function: JSONataFunction,
        _ arguments: [JSONataValue?]
    ) throws(CairnJSONataError) -> JSONataValue? {
        let count = max(1, min(function.arity, arguments.count))
        return try apply(function, Array(arguments.prefix(count)), input: nil)
    }
}
