// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import CairnTestSupport
import Foundation
import Testing

@Suite struct SQLiteStoreExecutionTests {
    private let folder: TemporaryDirectory
    private let store: SQLiteStore

    init() throws {
        self.folder = try TemporaryDirectory()
        self.store = try self.folder.makeStore()
    }

    private func succeed(_ id: String, output: JSONValue) -> ExecutionTransition {
        ExecutionTransition(
            executionID: id,
            events: [
                StoreFixtures.event(2, .passStateEntered),
                StoreFixtures.event(3, .passStateExited),
                StoreFixtures.event(4, .executionSucceeded, details: ["output": "{}"]),
            ],
            checkpoint: ["state": "Train", "done": true],
            status: .succeeded,
            output: output,
            stoppedAt: StoreFixtures.time(10)
        )
    }

    // MARK: - Round trip

    @Test func createCommitAndReadRoundTrip() throws {
        var record = StoreFixtures.execution(id: "e-1")
        record.parentExecutionID = nil
        try self.store.createExecution(
            record,
            events: [StoreFixtures.started],
            checkpoint: StoreFixtures.firstCheckpoint
        )
        #expect(try self.store.execution(id: "e-1") == record)
        #expect(try self.store.checkpoint(executionID: "e-1") == StoreFixtures.firstCheckpoint)

        let output = try JSONValue(parsing: #"{"auc": 0.91, "big": 1e400, "s": "\u00e9"}"#)
        try self.store.commit(self.succeed("e-1", output: output))

        var expected = record
        expected.status = .succeeded
        expected.output = output
        expected.stoppedAt = StoreFixtures.time(10)
        #expect(try self.store.execution(id: "e-1") == expected)
        #expect(try self.store.checkpoint(executionID: "e-1") == ["state": "Train", "done": true])
        let history = try self.store.history(executionID: "e-1")
        #expect(history.map(\.id) == [1, 2, 3, 4])
        #expect(history.map(\.previousEventID) == [0, 1, 2, 3])
        #expect(
            history.map(\.type.rawValue) == [
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
            ])
        let last = StoreFixtures.event(4, .executionSucceeded, details: ["output": "{}"])
        #expect(history[3] == last)
    }

    @Test func unknownExecutionsAreNilOrNotFound() throws {
        #expect(try self.store.execution(id: "nope") == nil)
        let history = #expect(throws: CairnStorageError.self) {
            try self.store.history(executionID: "nope")
        }
        #expect(history?.code == .executionNotFound)
        let checkpoint = #expect(throws: CairnStorageError.self) {
            try self.store.checkpoint(executionID: "nope")
        }
        #expect(checkpoint?.code == .executionNotFound)
        let commit = #expect(throws: CairnStorageError.self) {
            try self.store.commit(
                ExecutionTransition(executionID: "nope", events: [], checkpoint: .null)
            )
        }
        #expect(commit?.code == .executionNotFound)
    }

    @Test func creatingAnExistingIDFailsAndKeepsTheOriginal() throws {
        try StoreFixtures.create("e-1", in: self.store)
        let error = #expect(throws: CairnStorageError.self) {
            try self.store.createExecution(
                StoreFixtures.execution(id: "e-1", workflow: "other"),
                events: [],
                checkpoint: .null
            )
        }
        #expect(error?.code == .executionAlreadyExists)
        #expect(try self.store.execution(id: "e-1")?.workflowName == "training")
    }

    // MARK: - All or nothing

    @Test func aCommitFailingHalfWayLeavesNothingBehind() throws {
        try StoreFixtures.create("e-1", in: self.store)
        try StoreFixtures.create("e-2", in: self.store)
        let good = self.succeed("e-1", output: ["ok": true])
        // Event 1 already exists in e-2: the second transition fails after the first
        // one and part of the second have been written.
        let bad = ExecutionTransition(
            executionID: "e-2",
            events: [StoreFixtures.event(2, .taskStateEntered), StoreFixtures.started],
            checkpoint: ["state": "Broken"],
            status: .failed,
            error: "States.Runtime",
            stoppedAt: StoreFixtures.time(5)
        )

        let error = #expect(throws: CairnStorageError.self) {
            try self.store.commit([good, bad])
        }
        #expect(error?.code == .duplicateEvent)
        #expect(error?.message == "execution e-2 already has event 1")

        for id in ["e-1", "e-2"] {
            #expect(try self.store.execution(id: id) == StoreFixtures.execution(id: id))
            #expect(try self.store.history(executionID: id) == [StoreFixtures.started])
            #expect(try self.store.checkpoint(executionID: id) == StoreFixtures.firstCheckpoint)
        }
        #expect(try self.store.checkIntegrity() == [])
    }

    @Test func createWithDuplicateEventsStoresNothing() throws {
        let error = #expect(throws: CairnStorageError.self) {
            try self.store.createExecution(
                StoreFixtures.execution(id: "e-1"),
                events: [StoreFixtures.started, StoreFixtures.started],
                checkpoint: .null
            )
        }
        #expect(error?.code == .duplicateEvent)
        #expect(try self.store.execution(id: "e-1") == nil)
    }

    @Test func aStoppedExecutionChangesOnlyThroughARedrive() throws {
        try StoreFixtures.create("e-1", in: self.store)
        try self.store.commit(
            ExecutionTransition(
                executionID: "e-1",
                events: [StoreFixtures.event(2, .executionFailed)],
                checkpoint: ["state": "Train"],
                status: .failed,
                error: "States.TaskFailed",
                cause: "exit 1",
                stoppedAt: StoreFixtures.time(3)
            ))

        let late = ExecutionTransition(
            executionID: "e-1",
            events: [StoreFixtures.event(3, .taskStateEntered)],
            checkpoint: ["state": "Train"]
        )
        let error = #expect(throws: CairnStorageError.self) { try self.store.commit(late) }
        #expect(error?.code == .executionAlreadyStopped)

        var redrive = late
        redrive.isRedrive = true
        redrive.events = [StoreFixtures.event(3, .executionRedriven)]
        try self.store.commit(redrive)

        let record = try #require(try self.store.execution(id: "e-1"))
        #expect(record.status == .running)
        #expect(record.redriveCount == 1)
        #expect(record.error == nil && record.cause == nil && record.stoppedAt == nil)
        #expect(try self.store.history(executionID: "e-1").count == 3)
    }

    // MARK: - Listing

    @Test func listingIsNewestFirstAndFilters() throws {
        try StoreFixtures.create("a", in: self.store, startedAt: StoreFixtures.time(1))
        try StoreFixtures.create(
            "b",
            in: self.store,
            workflow: "etl",
            startedAt: StoreFixtures.time(3)
        )
        try StoreFixtures.create("c", in: self.store, startedAt: StoreFixtures.time(2))
        try StoreFixtures.create("d", in: self.store, startedAt: StoreFixtures.time(2))
        try self.store.commit(self.succeed("c", output: 1))

        #expect(try self.store.executions().map(\.id) == ["b", "d", "c", "a"])
        #expect(try self.store.executions(limit: 2).map(\.id) == ["b", "d"])
        #expect(try self.store.executions(status: .running).map(\.id) == ["b", "d", "a"])
        #expect(try self.store.executions(status: .succeeded).map(\.id) == ["c"])
        #expect(try self.store.executions(workflow: "training").map(\.id) == ["d", "c", "a"])
        #expect(
            try self.store.executions(status: .running, workflow: "training", limit: 1)
                .map(\.id) == ["d"]
        )
        #expect(try self.store.executions(status: .failed).isEmpty)
    }

    @Test func storesAreUsableFromManyThreads() async throws {
        let store = self.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask { try StoreFixtures.create("t-\(index)", in: store) }
            }
            try await group.waitForAll()
        }
        #expect(try store.executions().count == 20)
    }
}
