// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// One registered version of a model, as the store keeps it.
public struct ModelVersionRecord: Sendable, Hashable {
    /// The model's name.
    public var name: String
    /// The version number: 1 for the model's first version, then one more each time.
    public var version: Int
    /// Where the artifact is stored.
    public var artifactPath: String
    /// The SHA-256 of the artifact, lower-case hex.
    public var artifactSHA256: String
    /// Evaluation metrics.
    public var metrics: JSONValue
    /// Training parameters.
    public var parameters: JSONValue
    /// The execution that produced the version, if any.
    public var executionID: String?
    /// Where the version stands in review.
    public var status: ModelVersionStatus
    /// Why the version has its status, if anyone said.
    public var statusReason: String?
    /// When the version was registered.
    public var createdAt: Date
    /// When the version or its status last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(
        name: String,
        version: Int,
        artifactPath: String,
        artifactSHA256: String,
        metrics: JSONValue,
        parameters: JSONValue,
        executionID: String?,
        status: ModelVersionStatus,
        statusReason: String?,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.name = name
        self.version = version
        self.artifactPath = artifactPath
        self.artifactSHA256 = artifactSHA256
        self.metrics = metrics
        self.parameters = parameters
        self.executionID = executionID
        self.status = status
        self.statusReason = statusReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
