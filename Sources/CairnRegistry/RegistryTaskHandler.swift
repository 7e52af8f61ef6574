// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnCrypto
import CairnDefinition
import CairnInterpreter
public import CairnRuntime
public import CairnStorage
import Foundation

/// The model registry's tasks: `cairn:registry.register`,
/// `cairn:registry.approve` and `cairn:registry.reject`, kept in the same
/// database as the executions.
///
/// `register` takes `ModelName`, `ArtifactPath` (relative to the workflow
/// file's folder), `Metrics` and optionally `Parameters`, hashes the artifact
/// and stores a new version, numbered per model, as PENDING_APPROVAL.
/// `approve` and `reject` take `ModelName`, `Version` and `Reason`.
/// Each returns the version as `cairn registry show` prints it with `--json`.
public struct RegistryTaskHandler: TaskHandler {
    public enum Action: String, Sendable, CaseIterable {
        case register
        case approve
        case reject

        /// The resource a Task state names to run this action.
        public var resource: String { "cairn:registry.\(rawValue)" }
    }

    /// Error name for Parameters the registry cannot use.
    public static let invalidParametersError = "Registry.InvalidParameters"
    /// Error name for an artifact file that cannot be read.
    public static let artifactNotFoundError = "Registry.ArtifactNotFound"
    /// Error name for a model or version the registry does not hold.
    public static let unknownVersionError = "Registry.UnknownModelVersion"
    /// Error name for a status change the registry does not allow.
    public static let invalidTransitionError = "Registry.InvalidStatusChange"

    private let store: any Store
    private let action: Action

    public init(store: any Store, action: Action) {
        self.store = store
        self.action = action
    }

    public func run(_ invocation: TaskInvocation) async -> TaskOutcome {
        do {
            let record =
                switch action {
                case .register: try register(invocation)
                case .approve: try changeStatus(invocation, to: .approved)
                case .reject: try changeStatus(invocation, to: .rejected)
                }
            return .success(RegistryTaskHandler.json(record))
        } catch let failure as WorkflowFailure {
            return .failure(failure)
        } catch {
            return .failure(WorkflowFailure(
                error: WorkflowFailure.Name.taskFailed,
                cause: "The registry could not store the change: \(error)"
            ))
        }
    }

    // MARK: - Actions

    private func register(_ invocation: TaskInvocation) throws -> ModelVersionRecord {
        let parameters = invocation.input
        let name = try requiredString(parameters, "ModelName")
        let written = try requiredString(parameters, "ArtifactPath")
        let path = written.hasPrefix("/") ? written
            : URL(fileURLWithPath: invocation.workflowDirectory)
                .appendingPathComponent(written).standardized.path
        let digest: String
        do {
            digest = try sha256Hex(ofFileAt: path)
        } catch {
            throw WorkflowFailure(
                error: RegistryTaskHandler.artifactNotFoundError,
                cause: "The artifact '\(path)' cannot be read: \(error)"
            )
        }
        let metrics = parameters["Metrics"] ?? .object(JSONObject())
        guard case .object = metrics else {
            throw invalid("Metrics must be an object, such as {\"accuracy\": 0.97}.")
        }
        return try store.registerModelVersion(NewModelVersion(
            name: name,
            artifactPath: path,
            artifactSHA256: digest,
            metrics: metrics,
            parameters: parameters["Parameters"] ?? .object(JSONObject()),
            executionID: invocation.executionID,
            status: .pendingApproval,
            statusReason: nil,
            createdAt: Date()
        ))
    }

    private func changeStatus(
        _ invocation: TaskInvocation,
        to status: ModelVersionStatus
    ) throws -> ModelVersionRecord {
        let parameters = invocation.input
        let name = try requiredString(parameters, "ModelName")
        guard case .number(let number) = parameters["Version"] ?? .null,
            let version = number.int64Value.flatMap({ Int(exactly: $0) }), version > 0
        else {
            throw invalid("Version must be a positive whole number (use \"Version.$\" to "
                + "read it from the register step's result).")
        }
        let reason = parameters["Reason"].flatMap { value -> String? in
            if case .string(let text) = value { return text }
            return value == .null ? nil : value.compactText
        }
        guard let current = try store.modelVersion(name: name, version: version) else {
            throw WorkflowFailure(
                error: RegistryTaskHandler.unknownVersionError,
                cause: "The registry has no version \(version) of the model '\(name)'."
            )
        }
        guard current.status.canChange(to: status) else {
            throw WorkflowFailure(
                error: RegistryTaskHandler.invalidTransitionError,
                cause: "Version \(version) of '\(name)' is \(current.status.rawValue) and "
                    + "cannot become \(status.rawValue)."
            )
        }
        return try store.setModelVersionStatus(
            name: name, version: version, status: status, reason: reason, at: Date()
        )
    }

    // MARK: - Parameters

    private func requiredString(_ parameters: JSONValue, _ field: String) throws -> String {
        guard case .string(let text) = parameters[field] ?? .null, !text.isEmpty else {
            throw invalid("Parameters.\(field) must be a non-empty string.")
        }
        return text
    }

    private func invalid(_ message: String) -> WorkflowFailure {
        WorkflowFailure(error: RegistryTaskHandler.invalidParametersError, cause: message)
    }

    private static func iso(_ date: Date) -> String {
        ISOTimestamp.string(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// A model version as JSON, the shape tasks return and `--json` prints.
    public static func json(_ record: ModelVersionRecord) -> JSONValue {
        var object = JSONObject()
        object["modelName"] = .string(record.name)
        object["version"] = .number(JSONNumber(record.version))
        object["status"] = .string(record.status.rawValue)
        object["statusReason"] = record.statusReason.map(JSONValue.string) ?? .null
        object["artifactPath"] = .string(record.artifactPath)
        object["artifactSHA256"] = .string(record.artifactSHA256)
        object["metrics"] = record.metrics
        object["parameters"] = record.parameters
        object["executionId"] = record.executionID.map(JSONValue.string) ?? .null
        object["createdAt"] = .string(iso(record.createdAt))
        object["updatedAt"] = .string(iso(record.updatedAt))
        return .object(object)
    }
}
