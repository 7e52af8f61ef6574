// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A JSON value inside a `Codable` checkpoint, stored as its exact JSON text
/// so that number literals survive the round trip through the store.
public struct StoredJSON: Codable, Sendable, Hashable {
    public var value: JSONValue

    public init(_ value: JSONValue) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        value = try JSONValue(parsing: text, file: "<checkpoint>")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value.compactText)
    }
}
