// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A compiled payload template (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`, or a Fail state's `ErrorPath`): JSON in which members whose names
/// end in `.$` are replaced by what their path or intrinsic call yields.
///
/// ```swift
/// let template = try PayloadTemplate(compiling: ["id.$": "$.order.id", "kind": "order"])
/// ```
public indirect enum PayloadTemplate: Sendable {
    case literal(JSONValue)
    /// An object; `.$` has been removed from the names of dynamic members.
    case object([(key: String, value: PayloadTemplate)])
    case array([PayloadTemplate])
    case path(JSONPath)
    case intrinsic(IntrinsicCall)

    /// Compiles a template written in a definition.
    ///
    /// - Throws: `CairnDefinitionError` whose `documentPath` leads from the
    ///   template's root to the member at fault.
    public init(compiling value: JSONValue) throws(CairnDefinitionError) {
        switch value {
        case .object(let object):
            var members: [(key: String, value: PayloadTemplate)] = []
            for (key, member) in object {
                do {
                    members.append(try PayloadTemplate.compileMember(key: key, value: member))
                } catch {
                    var located = error
                    located.documentPath.insert(.key(key), at: 0)
                    throw located
                }
            }
            self = .object(members)
        case .array(let elements):
            var compiled: [PayloadTemplate] = []
            for (index, element) in elements.enumerated() {
                do {
                    compiled.append(try PayloadTemplate(compiling: element))
                } catch {
                    var located = error
                    located.documentPath.insert(.index(index), at: 0)
                    throw located
                }
            }
            self = .array(compiled)
        default:
            self = .literal(value)
        }
    }

    /// Compiles a dynamic expression: a path when it starts with `$`,
    /// otherwise an intrinsic function call.
    ///
    /// - Throws: `CairnDefinitionError` with code `invalidPath` or
    ///   `invalidIntrinsic`.
    public init(compilingExpression expression: String) throws(CairnDefinitionError) {
        if expression.hasPrefix("$") {
            self = .path(try JSONPath(parsing: expression))
        } else {
            self = .intrinsic(try IntrinsicCall(parsing: expression))
        }
    }

    private static func compileMember(
        key: String,
        value: JSONValue
    ) throws(CairnDefinitionError) -> (key: String, value: PayloadTemplate) {
        guard key.hasSuffix(".$") else {
            return (key, try PayloadTemplate(compiling: value))
        }
        guard case .string(let expression) = value else {
            throw CairnDefinitionError(
                code: .invalidTemplate,
                message: "the value of '\(key)' must be a path or an intrinsic "
                    + "function call written as a string"
            )
        }
        return (String(key.dropLast(2)), try PayloadTemplate(compilingExpression: expression))
    }
}
