// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A compiled payload template (`Parameters`, `ResultSelector`, `ItemSelector`,
/// `Assign`, or a Fail state's `ErrorPath`): JSON in which members whose names
/// end in `.$` are replaced by what their path or intrinsic call yields.
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
                if key.hasSuffix(".$") {
                    guard case .string(let expression) = member else {
                        throw CairnDefinitionError(
                            code: .invalidTemplate,
                            message: "the value of '\(key)' must be a path or an intrinsic "
                                + "function call written as a string",
                            documentPath: [.key(key)]
                        )
                    }
                    let name = String(key.dropLast(2))
                    if expression.hasPrefix("$") {
                        members.append((name, .path(try JSONPath(parsing: expression))))
                    } else {
                        members.append((name, .intrinsic(try IntrinsicCall(parsing: expression))))
                    }
                } else {
                    members.append((key, try PayloadTemplate(compiling: member)))
                }
            }
            self = .object(members)
        case .array(let elements):
            self = .array(try elements.map { element throws(CairnDefinitionError) in
                try PayloadTemplate(compiling: element)
            })
        default:
            self = .literal(value)
        }
    }
}
