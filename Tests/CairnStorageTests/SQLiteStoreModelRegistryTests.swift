// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import CairnTestSupport
import Foundation
import Testing

@Suite struct SQLiteStoreModelRegistryTests {
    private let folder: TemporaryDirectory
    private let store: SQLiteStore

    init() throws {
        self.folder = try TemporaryDirectory()
        self.store = try self.folder.makeStore()
    }

    @discardableResult
    private func register(
        _ name: String,
        status: ModelVersionStatus = .pendingApproval,
        at offset: Int64 = 0
    ) throws -> ModelVersionRecord {
        try self.store.registerModelVersion(
            NewModelVersion(
                name: name,
                artifactPath: "/models/\(name).onnx",
                artifactSHA256: "cafe",
                metrics: ["auc": 0.91],
                parameters: ["depth": 6],
                executionID: "e-1",
                status: status,
                createdAt: StoreFixtures.time(offset)
            ))
    }

    @Test func versionsAreNumberedPerModel() throws {
        #expect(try self.register("churn").version == 1)
        #expect(try self.register("churn").version == 2)
        #expect(try self.register("fraud").version == 1)
        #expect(try self.register("churn").version == 3)

        #expect(try self.store.modelVersions(name: "churn").map(\.version) == [3, 2, 1])
        #expect(try self.store.modelVersions(name: "fraud").map(\.version) == [1])
    }

    @Test func registeredVersionReadsBackAsReturned() throws {
        let registered = try self.register("churn", at: 7)

        #expect(
            registered
                == ModelVersionRecord(
                    name: "churn",
                    version: 1,
                    artifactPath: "/models/churn.onnx",
                    artifactSHA256: "cafe",
                    metrics: ["auc": 0.91],
                    parameters: ["depth": 6],
                    executionID: "e-1",
                    status: .pendingApproval,
                    statusReason: nil,
                    createdAt: StoreFixtures.time(7),
                    updatedAt: StoreFixtures.time(7)
                ))
        #expect(try self.store.modelVersion(name: "churn", version: 1) == registered)
        #expect(try self.store.modelVersion(name: "churn", version: 2) == nil)
        #expect(try self.store.modelVersion(name: "other", version: 1) == nil)
    }

    @Test func modelsListTheirLatestVersionByName() throws {
        try self.register("fraud", at: 1)
        try self.register("churn", at: 2)
        try self.register("churn", status: .approved, at: 3)

        let models = try self.store.models()
        #expect(models.map(\.name) == ["churn", "fraud"])
        #expect(models.map(\.latestVersion.version) == [2, 1])
        #expect(models[0].latestVersion.status == .approved)
        #expect(models[0].createdAt == StoreFixtures.time(2))
    }

    static let allowedChanges: [(ModelVersionStatus, ModelVersionStatus, Bool)] = [
        (.pendingApproval, .approved, true),
        (.pendingApproval, .rejected, true),
        (.pendingApproval, .pendingApproval, true),
        (.approved, .rejected, true),
        (.approved, .approved, true),
        (.approved, .pendingApproval, false),
        (.rejected, .approved, false),
        (.rejected, .pendingApproval, false),
        (.rejected, .rejected, true),
    ]

    @Test(arguments: allowedChanges)
    func statusChanges(
        from old: ModelVersionStatus,
        to new: ModelVersionStatus,
        isAllowed: Bool
    ) throws {
        try self.register("churn", status: old)

        if isAllowed {
            let updated = try self.store.setModelVersionStatus(
                name: "churn",
                version: 1,
                status: new,
                reason: "reviewed",
                at: StoreFixtures.time(9)
            )
            #expect(updated.status == new)
            #expect(updated.statusReason == "reviewed")
            #expect(updated.updatedAt == StoreFixtures.time(9))
            #expect(updated.createdAt == StoreFixtures.time(0))
            #expect(try self.store.modelVersion(name: "churn", version: 1) == updated)
        } else {
            let error = #expect(throws: CairnStorageError.self) {
                try self.store.setModelVersionStatus(
                    name: "churn",
                    version: 1,
                    status: new,
                    reason: nil,
                    at: StoreFixtures.time(9)
                )
            }
            #expect(error?.code == .invalidStatusChange)
            #expect(try self.store.modelVersion(name: "churn", version: 1)?.status == old)
        }
    }

    @Test func unknownModelsAndVersionsAreErrors() throws {
        try self.register("churn")

        let noModel = #expect(throws: CairnStorageError.self) {
            try self.store.setModelVersionStatus(
                name: "nope",
                version: 1,
                status: .approved,
                reason: nil,
                at: StoreFixtures.time(1)
            )
        }
        #expect(noModel?.code == .modelNotFound)
        let noVersion = #expect(throws: CairnStorageError.self) {
            try self.store.setModelVersionStatus(
                name: "churn",
                version: 2,
                status: .approved,
                reason: nil,
                at: StoreFixtures.time(1)
            )
        }
        #expect(noVersion?.code == .modelVersionNotFound)
        #expect(noVersion?.message == "model churn has no version 2")
        let noList = #expect(throws: CairnStorageError.self) {
            try self.store.modelVersions(name: "nope")
        }
        #expect(noList?.code == .modelNotFound)
    }
}
