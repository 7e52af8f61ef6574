// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// What an expression can see besides its input: variables, and the clock,
/// randomness and hashing that some functions need.
///
/// Every source of non-determinism is injected, so that the interpreter can
/// replay an evaluation exactly.
///
/// ```swift
/// var environment = JSONataEnvironment()
/// environment.variables["states"] = ["input": ["n": 2]]
/// let expression = try JSONataExpression(parsing: "$states.input.n * 21")
/// try expression.evaluate(in: environment)  // .value(42)
/// ```
public struct JSONataEnvironment: Sendable {
    /// Variables by name without the `$`, such as `states` for `$states`.
    public var variables: [String: JSONValue]
    /// The time `$now()` and `$millis()` report, in milliseconds since the
    /// epoch; one evaluation sees one instant, as JSONata specifies.
    public var nowMilliseconds: Int64
    /// Draws a number in [0, 1) for `$random()` and `$shuffle()`.
    public var random: @Sendable () -> Double
    /// Makes a version 4 UUID for `$uuid()`.
    public var uuid: @Sendable () -> String
    /// The lower-case hexadecimal digest of a string's UTF-8 bytes for
    /// `$hash(text, algorithm)`, or `nil` when the algorithm is unknown.
    public var hash: @Sendable (_ text: String, _ algorithm: String) -> String?

    public init(
        variables: [String: JSONValue] = [:],
        nowMilliseconds: Int64 = 0,
        random: @escaping @Sendable () -> Double = { 0 },
        uuid: @escaping @Sendable () -> String = { "00000000-0000-4000-8000-000000000000" },
        hash: @escaping @Sendable (_ text: String, _ algorithm: String) -> String? = { _, _ in
            nil
        }
    ) {
        self.variables = variables
        self.nowMilliseconds = nowMilliseconds
        self.random = random
        self.uuid = uuid
        self.hash = hash
    }
}
