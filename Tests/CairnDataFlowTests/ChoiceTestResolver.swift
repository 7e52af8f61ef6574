// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

/// A deliberately small path resolver for Choice tests: member names and
/// indices from the input root, nothing else.
///
/// The real JSONPath evaluator lives elsewhere in the module; the Choice
/// evaluator must not depend on it, and neither do its tests.
enum ChoiceTestResolver {
    /// The value `path` selects in `input`, or `nil` when it selects nothing
    /// (a missing member, an index out of range, a step into a scalar, or a
    /// root other than `$`).
    static func value(at path: JSONPath, in input: JSONValue) -> JSONValue? {
        guard path.root == .input else { return nil }
        var current = input
        for segment in path.segments {
            if case .member(let name) = segment, let member = current[name] {
                current = member
            } else if case .index(let index) = segment, let elements = current.arrayValue {
                let position = index < 0 ? elements.count + index : index
                guard elements.indices.contains(position) else { return nil }
                current = elements[position]
            } else {
                return nil
            }
        }
        return current
    }
}
