// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import Foundation

/// A model version to register; the store assigns its version number.
///
/// ```swift
/// let version = try store.registerModelVersion(NewModelVersion(
///     name: "churn",
///     artifactPath: "/srv/models/churn/model.onnx",
///     artifactSHA256: digest,
///     metrics: ["auc": 0.91],
///     executionID: executionID,
///     createdAt: now
/// ))
/// version.version  // 1 for the first version of "churn", then 2, 3, ...
/// ```
public struct NewModelVersion: Sendable, Hashable {
    /// The model's name; the model is created on its first registration.
    public var name: String
    /// Where the artifact is stored.
    public var artifactPath: String
    /// The SHA-256 of the artifact, lower-case hex, as the caller computed it.
    public var artifactSHA256: String
    /// Evaluation metrics.
    public var metrics: JSONValue
    /// Training parameters.
    public var parameters: JSONValue
    /// The execution that produced the version, if any.
    public var executionID: String?
    /// The starting status; usually `pendingApproval`.
    public var status: ModelVersionStatus
    /// Why the version has that status, if anyone said.
    public var statusReason: String?
    /// When the version is registered; also its first update time.
    public var createdAt: Date

    /// Creates a registration request.
    public init(
        name: String,
        artifactPath: String,
        artifactSHA256: String,
        metrics: JSONValue = .object(JSONObject()),
        parameters: JSONValue = .object(JSONObject()),
        executionID: String? = nil,
        status: ModelVersionStatus = .pendingApproval,
        statusReason: String? = nil,
        createdAt: Date
    ) {
        self.name = name
        self.artifactPath = artifactPath
        self.artifactSHA256 = artifactSHA256
        self.metrics = metrics
        self.parameters = parameters
        self.executionID = executionID
        self.status = status
        self.statusReason = statusReason
        self.createdAt = createdAt
    }
}
