// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// A function value: a lambda, a built-in, a regular expression (which
/// JSONata treats as a matcher function) or a partial application.
final class JSONataFunction {
    enum Implementation {
        case lambda(
            parameters: [String],
            body: JSONataNode,
            closure: JSONataFrame,
            input: JSONataValue?
        )
        case native(JSONataNativeFunction)
        case regex(NSRegularExpression)
        /// A call with `?` placeholders still to fill.
        case partial(JSONataFunction, arguments: [JSONataPartialArgument])
        /// `f ~> g` where both are functions: `g(f(x))`.
        case composition(JSONataFunction, JSONataFunction)
    }

    let implementation: Implementation

    init(_ implementation: Implementation) {
        self.implementation = implementation
    }

    /// How many arguments the function takes, which higher-order functions
    /// use to decide whether to pass the index and the whole array.
    var arity: Int {
        switch implementation {
        case .lambda(let parameters, _, _, _): parameters.count
        case .native(let native): native.maximumArguments
        case .regex: 1
        case .partial(_, let arguments): arguments.count { $0.isPlaceholder }
        case .composition(let first, _): first.arity
        }
    }
}

/// One argument of a partial application.
enum JSONataPartialArgument {
    case placeholder
    case value(JSONataValue?)

    var isPlaceholder: Bool {
        if case .placeholder = self { return true }
        return false
    }
}

/// A built-in function such as `$sum`.
struct JSONataNativeFunction: Sendable {
    typealias Body = @Sendable (JSONataCall) throws(CairnJSONataError) -> JSONataValue?

    let name: String
    let minimumArguments: Int
    let maximumArguments: Int
    /// Whether a call with too few arguments takes the context value as its
    /// first one, as `$string()` and `$uppercase()` do (JSONata's `-` in a
    /// signature).
    let usesContext: Bool
    let body: Body

    init(
        _ name: String,
        _ arguments: ClosedRange<Int>,
        usesContext: Bool = false,
        body: @escaping Body
    ) {
        self.name = name
        self.minimumArguments = arguments.lowerBound
        self.maximumArguments = arguments.upperBound
        self.usesContext = usesContext
        self.body = body
    }
}

/// A scope of variable bindings; lambdas keep the frame they were made in.
final class JSONataFrame {
    private var bindings: [String: JSONataValue] = [:]
    private let parent: JSONataFrame?

    init(parent: JSONataFrame?) {
        self.parent = parent
    }

    func lookup(_ name: String) -> JSONataValue? {
        var frame: JSONataFrame? = self
        while let current = frame {
            if let value = current.bindings[name] { return value }
            frame = current.parent
        }
        return nil
    }

    func bind(_ name: String, _ value: JSONataValue?) {
        bindings[name] = value
    }
}
