// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A parsed JSONata expression, ready to evaluate any number of times.
///
/// Step Functions evaluates expressions without a context value: the state's
/// data is reached through variables such as `$states.input`, so `input`
/// defaults to undefined.
///
/// ```swift
/// let expression = try JSONataExpression(parsing: "$sum($states.input.prices)")
/// let environment = JSONataEnvironment(variables: ["states": ["input": ["prices": [1, 2]]]])
/// try expression.evaluate(in: environment)  // .value(3)
/// ```
public struct JSONataExpression: Sendable {
    /// The text the expression was parsed from.
    public let source: String
    let root: JSONataNode

    /// Parses `source`.
    ///
    /// - Throws: `CairnJSONataError` with code `.syntax` when the text is not
    ///   valid JSONata.
    public init(parsing source: String) throws(CairnJSONataError) {
        self.source = source
        self.root = try JSONataParser.parse(source)
    }

    /// Evaluates the expression.
    ///
    /// - Parameters:
    ///   - input: The context value (`$` and bare field names); `nil` for none.
    ///   - environment: Variables and the injected clock, randomness and hashing.
    /// - Returns: The value, undefined, or a function.
    /// - Throws: `CairnJSONataError` with code `.evaluation` when evaluation
    ///   fails, with JSONata's error code and message.
    public func evaluate(
        input: JSONValue? = nil,
        in environment: JSONataEnvironment
    ) throws(CairnJSONataError) -> JSONataResult {
        let evaluator = JSONataEvaluator(environment: environment)
        let context = input.map(JSONataValue.init)
        let frame = evaluator.makeRootFrame(input: context)
        guard let result = try evaluator.evaluate(root, input: context, frame: frame) else {
            return .undefined
        }
        guard let json = result.json else { return .function }
        return .value(json)
    }
}
