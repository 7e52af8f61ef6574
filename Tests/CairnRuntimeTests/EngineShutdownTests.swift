// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnRuntime
import CairnStorage
import CairnTestSupport
import Foundation
import Testing

@Suite struct EngineShutdownTests {
    /// A clean shutdown ends running tasks but must not fail their executions:
    /// the lease goes back and the task runs again under the next engine.
    @Test func drainingLeavesTheExecutionRunningWithItsLeaseReturned() async throws {
        let directory = try TemporaryDirectory(prefix: "engine")
        let store = try directory.makeStore()
        let handler = ScriptedHandler { _ in
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            return .failure(WorkflowFailure(error: "Exec.SpawnFailed", cause: "cancelled"))
        }
        var handlers = TaskHandlers()
        handlers.register("arn:cairn:test", handler)
        let engine = Engine(
            store: store,
            handlers: handlers,
            configuration: Engine.Configuration(owner: "draining", pollInterval: .milliseconds(20))
        )
        let workflow = try WorkflowLoader.decode(text: EngineTests.twoTasks, file: "two.json")
        let started = try await engine.start(workflow, input: [:], claim: true)
        async let loop: Void = engine.run(until: .executionEnds(started.record.id))
        while handler.invocations.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        await engine.drain(grace: .zero)
        try await loop

        let record = try #require(try store.execution(id: started.record.id))
        #expect(record.status == .running)
        let work = try store.work(executionID: record.id)
        #expect(work.map(\.leaseOwner) == [nil])
        #expect(work.map(\.leases) == [1])
    }
}
