// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnRuntime
import CairnStorage
import CairnTestSupport
import Foundation
import Synchronization
import Testing

/// A handler that records every invocation and answers from a script.
final class ScriptedHandler: TaskHandler {
    private let calls = Mutex<[TaskInvocation]>([])
    private let answer: @Sendable (TaskInvocation) async -> TaskOutcome

    init(_ answer: @escaping @Sendable (TaskInvocation) async -> TaskOutcome) {
        self.answer = answer
    }

    func run(_ invocation: TaskInvocation) async -> TaskOutcome {
        calls.withLock { $0.append(invocation) }
        return await answer(invocation)
    }

    var invocations: [TaskInvocation] { calls.withLock { $0 } }
}

@Suite struct EngineTests {
    static let twoTasks = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "arn:cairn:test", "ResultPath": "$.a", "Next": "B"},
          "B": {"Type": "Task", "Resource": "arn:cairn:test", "ResultPath": "$.b", "End": true}}}
        """

    func makeEngine(
        _ store: SQLiteStore,
        _ handler: ScriptedHandler,
        owner: String = "test-owner"
    ) -> Engine {
        var handlers = TaskHandlers()
        handlers.register("arn:cairn:test", handler)
        return Engine(
            store: store,
            handlers: handlers,
            configuration: Engine.Configuration(owner: owner, pollInterval: .milliseconds(20))
        )
    }

    @Test func runsAnExecutionToItsEndAndStoresEveryTransition() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let handler = ScriptedHandler { invocation in
            .success(.string(invocation.request.stateName))
        }
        let engine = makeEngine(store, handler)
        let workflow = try WorkflowLoader.decode(text: Self.twoTasks, file: "two.json")
        let started = try await engine.start(workflow, input: ["x": 1], claim: true)
        try await engine.run(until: .executionEnds(started.record.id))
        let record = try #require(try store.execution(id: started.record.id))
        #expect(record.status == .succeeded)
        #expect(record.output == ["x": 1, "a": "A", "b": "B"])
        #expect(try store.work(executionID: record.id).isEmpty)
        #expect(handler.invocations.map(\.request.attempt) == [1, 1])
        let types = try store.history(executionID: record.id).map(\.type.rawValue)
        #expect(types.first == "ExecutionStarted")
        #expect(types.last == "ExecutionSucceeded")
    }

    @Test func aTaskLeasedByADeadEngineRunsAgainWithAHigherAttempt() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let workflow = try WorkflowLoader.decode(text: Self.twoTasks, file: "two.json")
        // The first engine claims task A and dies before it ends: it never runs.
        let dead = makeEngine(store, ScriptedHandler { _ in .success(.null) }, owner: "dead")
        let started = try await dead.start(workflow, input: [:], claim: false)
        let pending = try store.work(executionID: started.record.id)
        _ = try store.lease(
            pending.map { ($0.executionID, $0.itemID) },
            owner: "dead",
            until: Date().addingTimeInterval(3600),
            now: Date()
        )
        let handler = ScriptedHandler { _ in .success(1) }
        let survivor = makeEngine(store, handler, owner: "survivor")
        try await survivor.run(until: .executionEnds(started.record.id))
        let attempts = handler.invocations.map { ($0.request.stateName, $0.request.attempt) }
        #expect(attempts.map(\.0) == ["A", "B"])
        #expect(attempts.map(\.1) == [2, 1])
        let keys = Set(handler.invocations.map(\.request.idempotencyKey))
        #expect(keys.count == 2)
        #expect(try store.execution(id: started.record.id)?.status == .succeeded)
    }

    @Test func aNameIsUniquePerWorkflowAndStartingItAgainIsIdempotent() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let engine = makeEngine(store, ScriptedHandler { _ in .success(.null) })
        let workflow = try WorkflowLoader.decode(text: Self.twoTasks, file: "two.json")
        let first = try await engine.start(workflow, input: ["v": 1], name: "nightly", claim: false)
        let again = try await engine.start(workflow, input: ["v": 1], name: "nightly", claim: false)
        #expect(again.record.id == first.record.id)
        #expect(!again.isNew)
        await #expect(throws: CairnRuntimeError.self) {
            try await engine.start(workflow, input: ["v": 2], name: "nightly", claim: false)
        }
    }

    @Test func stopFromTheInboxAbortsAndCancelsTheRunningTask() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let handler = ScriptedHandler { _ in
            // Runs until cancelled, like a long process.
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            return .failure(WorkflowFailure(error: "Cancelled", cause: nil))
        }
        let engine = makeEngine(store, handler)
        let workflow = try WorkflowLoader.decode(text: Self.twoTasks, file: "two.json")
        let started = try await engine.start(workflow, input: [:], claim: true)
        try store.post(
            executionID: started.record.id,
            kind: "stop",
            payload: ["error": "Operator", "cause": "bad data"],
            at: Date()
        )
        try await engine.run(until: .executionEnds(started.record.id))
        let record = try #require(try store.execution(id: started.record.id))
        #expect(record.status == .aborted)
        #expect(record.error == "Operator")
        #expect(record.cause == "bad data")
    }

    @Test func redriveRunsOnlyTheStateThatFailed() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let failB = Mutex(true)
        let handler = ScriptedHandler { invocation in
            if invocation.request.stateName == "B", failB.withLock({ $0 }) {
                return .failure(WorkflowFailure(error: "Flaky", cause: "first time"))
            }
            return .success(.string(invocation.request.stateName))
        }
        let engine = makeEngine(store, handler)
        let workflow = try WorkflowLoader.decode(text: Self.twoTasks, file: "two.json")
        let started = try await engine.start(workflow, input: [:], claim: true)
        try await engine.run(until: .executionEnds(started.record.id))
        #expect(try store.execution(id: started.record.id)?.status == .failed)
        failB.withLock { $0 = false }
        try store.post(executionID: started.record.id, kind: "redrive", payload: [:], at: Date())
        try await engine.run(until: .idle)
        let record = try #require(try store.execution(id: started.record.id))
        #expect(record.status == .succeeded)
        #expect(record.redriveCount == 1)
        #expect(handler.invocations.map(\.request.stateName) == ["A", "B", "B"])
        // The rerun keeps the idempotency key and counts its attempt on.
        let runsOfB = handler.invocations.filter { $0.request.stateName == "B" }
        #expect(runsOfB.map(\.request.attempt) == [1, 2])
        #expect(Set(runsOfB.map(\.request.idempotencyKey)).count == 1)
        #expect(record.output == ["a": "A", "b": "B"])
    }

    @Test func aCallbackTaskWaitsForItsTokenAndTakesTheReportedOutput() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let engine = makeEngine(store, ScriptedHandler { _ in .success(.null) })
        let workflow = try WorkflowLoader.decode(
            text: """
                {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
                  "Resource": "arn:cairn:test.waitForTaskToken",
                  "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
                """,
            file: "approve.json"
        )
        let started = try await engine.start(workflow, input: [:], claim: true)
        try await engine.run(until: .idle)
        let item = try #require(
            try store.work(executionID: started.record.id).first { $0.token != nil }
        )
        #expect(try store.execution(id: started.record.id)?.status == .running)
        try store.post(
            executionID: started.record.id,
            kind: "task-success",
            payload: ["token": .string(item.token ?? ""), "output": ["approved": true]],
            at: Date()
        )
        try await engine.run(until: .executionEnds(started.record.id))
        #expect(try store.execution(id: started.record.id)?.output == ["approved": true])
    }
}
