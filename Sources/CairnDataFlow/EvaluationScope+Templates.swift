// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

extension EvaluationScope {
    /// Builds the JSON a payload template describes (`Parameters`,
    /// `ResultSelector`, `ItemSelector`, `Assign`, `ErrorPath`, ...).
    ///
    /// - Parameters:
    ///   - field: The state's field that holds the template (`Parameters`,
    ///     `ErrorPath`); causes name it when the template itself is a path or
    ///     a call. Dynamic members are named by their key, `value.$`.
    /// - Throws: `WorkflowFailure` `States.Runtime` when a definite path names
    ///   nothing, `States.IntrinsicFailure` when an intrinsic function rejects
    ///   its arguments. Causes lack the state prefix.
    public func evaluate(
        _ template: PayloadTemplate,
        field: String
    ) throws(WorkflowFailure) -> JSONValue {
        switch template {
        case .literal(let value):
            return value
        case .path(let path):
            return try select(path, forField: field)
        case .intrinsic(let call):
            return try evaluate(call, field: field)
        case .array(let elements):
            var values: [JSONValue] = []
            for element in elements {
                values.append(try evaluate(element, field: field))
            }
            return .array(values)
        case .object(let members):
            var object = JSONObject()
            for (key, member) in members {
                object[key] = try evaluate(member, field: key + ".$")
            }
            return .object(object)
        }
    }

    /// Evaluates an intrinsic function call and its nested calls.
    ///
    /// - Parameters:
    ///   - field: The field that holds the call, for causes (`value.$`).
    /// - Throws: `WorkflowFailure` `States.Runtime` when a path argument
    ///   names nothing, `States.IntrinsicFailure` when the function rejects
    ///   its arguments. Causes lack the state prefix.
    public func evaluate(
        _ call: IntrinsicCall,
        field: String
    ) throws(WorkflowFailure) -> JSONValue {
        var arguments: [JSONValue] = []
        for argument in call.arguments {
            switch argument {
            case .literal(let value):
                arguments.append(value)
            case .template(let pieces):
                arguments.append(.string(pieces.joined(separator: "{}")))
            case .path(let path):
                arguments.append(try select(path, forField: field))
            case .call(let inner):
                arguments.append(try evaluate(inner, field: field))
            }
        }
        let invocation = IntrinsicInvocation(call: call, arguments: arguments, random: random)
        return try invocation.run()
    }
}
