// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// What the paths, templates and intrinsic functions of one state see.
///
/// `$` is `input`, `$$` is `context`, `$name` is `variables[name]`. The scope
/// is a value: to apply `OutputPath` to a state's output, evaluate in
/// `scope.replacingInput(output)`.
///
/// ```swift
/// let scope = EvaluationScope(input: ["order": ["id": 7]])
/// let id = try scope.select(JSONPath(parsing: "$.order.id"))  // 7
/// ```
public struct EvaluationScope: Sendable {
    public var input: JSONValue
    public var context: JSONValue
    public var variables: [String: JSONValue]
    /// Where `States.MathRandom` and `States.UUID` take their randomness;
    /// the interpreter passes a seeded source so that replays agree.
    public var random: RandomSource

    public init(
        input: JSONValue,
        context: JSONValue = .object(JSONObject()),
        variables: [String: JSONValue] = [:],
        random: RandomSource = .system
    ) {
        self.input = input
        self.context = context
        self.variables = variables
        self.random = random
    }

    /// The same scope with `$` bound to `input`.
    public func replacingInput(_ input: JSONValue) -> EvaluationScope {
        var scope = self
        scope.input = input
        return scope
    }
}
