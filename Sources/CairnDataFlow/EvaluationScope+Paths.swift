// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

extension EvaluationScope {
    /// Applies a path as `InputPath`, `OutputPath` and `ItemsPath` do.
    ///
    /// A definite path returns the one value it names; any other path
    /// returns an array of its matches, empty when nothing matched.
    ///
    /// - Throws: `WorkflowFailure` `States.Runtime` when a definite path
    ///   names nothing, with Jayway's detail as AWS reports it:
    ///   `Invalid path '$.x' : No results for path: $['x']`. The cause lacks
    ///   the state prefix; see `WorkflowFailure.locatedInState`.
    public func select(_ path: JSONPath) throws(WorkflowFailure) -> JSONValue {
        do {
            return try JSONPathEvaluator(scope: self).evaluate(path).result
        } catch {
            throw .runtime("Invalid path '\(path.text)' : \(EvaluationScope.describe(error))")
        }
    }

    /// Applies an `InputPath` or `OutputPath` field: absent keeps `$`, `null`
    /// yields `{}`.
    ///
    /// - Throws: `WorkflowFailure` as `select(_:)` does.
    public func select(_ path: DataPath) throws(WorkflowFailure) -> JSONValue {
        switch path {
        case .whole: input
        case .discard: .object(JSONObject())
        case .path(let path): try select(path)
        }
    }

    /// Applies a path written in a field such as `"id.$"` of a payload
    /// template, `ErrorPath` or `CausePath`.
    ///
    /// - Parameters:
    ///   - field: The field as AWS names it in causes: the member name with
    ///     its `.$` (`value.$`), or the field name (`ErrorPath`).
    /// - Throws: `WorkflowFailure` `States.Runtime` when a definite path
    ///   names nothing: `The JSONPath '$.x' specified for the field 'value.$'
    ///   could not be found in the input '{...}'`, quoting the state input.
    public func select(
        _ path: JSONPath,
        forField field: String
    ) throws(WorkflowFailure) -> JSONValue {
        do {
            return try JSONPathEvaluator(scope: self).evaluate(path).result
        } catch {
            throw .runtime(
                "The JSONPath '\(path.text)' specified for the field '\(field)' "
                    + "could not be found in the input '\(input.compactText)'"
            )
        }
    }

    /// The value a path names, or `nil` when a definite path names nothing
    /// (Choice rules treat that as "not present"); an indefinite path gives
    /// the array of its matches.
    public func value(at path: JSONPath) -> JSONValue? {
        try? JSONPathEvaluator(scope: self).evaluate(path).result
    }

    static func describe(_ miss: JSONPathEvaluator.Miss) -> String {
        switch miss {
        case .missingProperty(let location): "Missing property in path \(location)"
        case .noResults(let location): "No results for path: \(location)"
        case .undefinedVariable(let name): "The variable '$\(name)' is not defined"
        }
    }
}
