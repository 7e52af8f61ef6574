// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

@Suite struct RunLimitsTests {
    static let echo = """
        StartAt: Echo
        States:
          Echo: {Type: Pass, End: true}
        """

    /// AWS refuses such a start outright; so does Cairn, before any work.
    @Test func anInputOverTheLimitIsRefusedBeforeAnythingStarts() async throws {
        let workspace = try Workspace()
        try workspace.write("echo.yaml", Self.echo)
        try workspace.write("big.json", "\"" + String(repeating: "x", count: 300_000) + "\"")
        let run = try await workspace.cairn("run", "echo.yaml", "--input-file", "big.json")
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix(
            "Error: the input is 300002 bytes of JSON; an execution takes at most 262144"
        ))
        #expect(!workspace.exists(".cairn/cairn.db"))
    }

    /// SIGTERM ends the task's process group, and the execution stays RUNNING
    /// for the next engine instead of failing.
    @Test func anInterruptedRunLeavesItsExecutionRunning() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "sleep.yaml",
            """
            StartAt: Nap
            States:
              Nap:
                Type: Task
                Resource: cairn:exec
                Parameters: {Command: [sleep, "30"]}
                End: true
            """
        )
        let binary = try CairnBinary.locate()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["run", "sleep.yaml", "-q", "--db", "run.db"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
        process.environment = CairnBinary.environment(adding: [:])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the task has started, as the history shows.
        let started = ContinuousClock.now
        var isRunningTask = false
        while !isRunningTask, ContinuousClock.now < started + .seconds(30) {
            let list = try await workspace.cairn("execution", "list", "--json", "--db", "run.db")
            if let id = (try? list.outputJSON())?.arrayValue?.first?["executionId"]?.stringValue {
                let history = try await workspace.cairn(
                    "execution", "history", id, "--json", "--db", "run.db"
                )
                isRunningTask = history.standardOutput.contains("TaskStarted")
            }
        }
        process.terminate()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationStatus == 130)

        let list = try await workspace.cairn("execution", "list", "--json", "--db", "run.db")
        #expect(try list.outputJSON().arrayValue?.map { $0["status"] } == ["RUNNING"])
    }
}
