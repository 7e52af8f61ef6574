// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A registered model with its newest version.
public struct ModelSummary: Sendable, Hashable {
    /// The model's name.
    public var name: String
    /// When the model's first version was registered.
    public var createdAt: Date
    /// The version with the highest number.
    public var latestVersion: ModelVersionRecord

    /// Creates a summary.
    public init(name: String, createdAt: Date, latestVersion: ModelVersionRecord) {
        self.name = name
        self.createdAt = createdAt
        self.latestVersion = latestVersion
    }
}
