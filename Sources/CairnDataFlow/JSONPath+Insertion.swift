// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

extension JSONPath {
    /// Returns `document` with `value` placed where this reference path
    /// points, creating the objects on the way that do not exist yet; this is
    /// how `ResultPath` puts a state's result into its input.
    ///
    /// - Throws: `WorkflowFailure` `States.ResultPathMatchFailure` when the
    ///   path is not a reference path on `$`, or when it runs through a value
    ///   that is not an object (or, for an index, an array long enough).
    public func inserting(
        _ value: JSONValue,
        into document: JSONValue
    ) throws(WorkflowFailure) -> JSONValue {
        guard root == .input, isReference,
            let updated = JSONPath.insert(value, along: segments[...], into: document)
        else {
            throw WorkflowFailure(
                error: WorkflowFailure.Name.resultPathMatchFailure,
                // TODO: AWS's cause text for this failure is not in the recorded corpus,
                // so users may see different wording than Step Functions prints.
                cause: "Unable to apply ReferencePath \(text) to input \(document.compactText)"
            )
        }
        return updated
    }

    private static func insert(
        _ value: JSONValue,
        along segments: ArraySlice<Segment>,
        into target: JSONValue
    ) -> JSONValue? {
        guard let segment = segments.first else { return value }
        switch (segment, target) {
        case (.member(let name), .object(var object)):
            let child = object[name] ?? .object(JSONObject())
            guard let updated = insert(value, along: segments.dropFirst(), into: child) else {
                return nil
            }
            object[name] = updated
            return .object(object)
        case (.index(let index), .array(var elements)):
            let position = index < 0 ? elements.count + index : index
            guard elements.indices.contains(position),
                let updated = insert(value, along: segments.dropFirst(), into: elements[position])
            else { return nil }
            elements[position] = updated
            return .array(elements)
        default:
            return nil
        }
    }
}

extension DataPath {
    /// Applies this `ResultPath` field: absent makes the result the output,
    /// `null` keeps the input, a path inserts the result into the input.
    ///
    /// - Throws: `WorkflowFailure` `States.ResultPathMatchFailure` as
    ///   `JSONPath.inserting(_:into:)` does.
    public func applyingResult(
        _ result: JSONValue,
        to input: JSONValue
    ) throws(WorkflowFailure) -> JSONValue {
        switch self {
        case .whole: result
        case .discard: input
        case .path(let path): try path.inserting(result, into: input)
        }
    }
}
