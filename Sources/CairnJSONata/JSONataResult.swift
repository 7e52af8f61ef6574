// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// What an expression evaluated to.
public enum JSONataResult: Sendable, Hashable {
    /// A JSON value (JSONata sequences come out as arrays).
    case value(JSONValue)
    /// Nothing: JSONata's "undefined", such as a path that matched nothing.
    case undefined
    /// A function, which has no JSON form.
    case function

    /// The JSON value, or `nil` for undefined and functions.
    public var value: JSONValue? {
        if case .value(let value) = self { return value }
        return nil
    }
}
