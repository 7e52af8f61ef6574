// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// `cairn serve` on a moved clock: a schedule and a file drop each start
/// their workflow once, the executions show their trigger, and a restart
/// repeats neither.
@Suite struct ServeTriggersTests {
    static let workflow = """
        name: flow
        triggers:
          - name: every-minute
            type: schedule
            expression: cron(* * * * ? *)
          - name: drops
            type: file
            directory: in
            pattern: "*.csv"
            complete: [rename]
            settleSeconds: 1
            input:
              file.$: $.path
              sha.$: $.sha256
        definition:
          StartAt: Echo
          States:
            Echo: {Type: Pass, End: true}
        """

    @Test func aScheduleAndAFileDropEachStartTheirWorkflowOnce() async throws {
        let workspace = try Workspace()
        try workspace.write("wf/flow.yaml", Self.workflow)
        try workspace.makeFolder("wf/in")
        let environment = ["CAIRN_CLOCK_START": "2026-01-01T00:00:59Z"]

        var daemon = try ServeProcess(workspace: workspace, environment: environment)
        try workspace.write("drop.csv", "a,b\n1,2\n")
        try FileManager.default.moveItem(
            atPath: workspace.path("drop.csv"),
            toPath: workspace.path("wf/in/drop.csv")
        )
        let executions = try await waitForExecutions(count: 2, in: workspace)
        #expect(await daemon.stop() == 0)

        let byTrigger = Dictionary(
            executions.compactMap { record in record["trigger"]?.stringValue.map { ($0, record) } },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(Set(byTrigger.keys) == ["flow/every-minute", "flow/drops"])
        #expect(byTrigger["flow/every-minute"]?["triggerDueAt"] == "2026-01-01T00:01:00.000Z")
        #expect(executions.allSatisfy { $0["status"] == "SUCCEEDED" })

        let drop = try #require(byTrigger["flow/drops"]?["executionId"]?.stringValue)
        let shown = try await workspace.cairn(
            "execution",
            "show",
            drop,
            "--json",
            "--data",
            "--db",
            "cairn.db"
        )
        let input = try shown.outputJSON()["input"]
        #expect(input?["file"] == .string(workspace.path("wf/in/drop.csv")))
        #expect(input?["sha"]?.stringValue?.count == 64)

        // A restart on the same moved clock neither repeats the file nor the
        // minute: watch for three seconds, past the file's settle period, that
        // nothing new starts.
        daemon = try ServeProcess(workspace: workspace, environment: environment)
        let quietUntil = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < quietUntil {
            let list = try await workspace.cairn("execution", "list", "--json", "--db", "cairn.db")
            #expect(try list.outputJSON().arrayValue?.count == 2)
        }
        let history = try await workspace.cairn(
            "trigger",
            "history",
            "flow/drops",
            "--json",
            "--workflows",
            "wf",
            "--db",
            "cairn.db"
        )
        #expect(await daemon.stop() == 0)
        let fires = try history.outputJSON().arrayValue ?? []
        #expect(fires.map { $0["outcome"] } == ["started"])
        let list = try await workspace.cairn("execution", "list", "--json", "--db", "cairn.db")
        #expect(try list.outputJSON().arrayValue?.count == 2)
    }

    /// Polls the execution list until `count` executions have ended.
    private func waitForExecutions(count: Int, in workspace: Workspace) async throws -> [JSONValue]
    {
        let deadline = ContinuousClock.now + .seconds(45)
        while ContinuousClock.now < deadline {
            let list = try await workspace.cairn("execution", "list", "--json", "--db", "cairn.db")
            let executions = (try? list.outputJSON().arrayValue) ?? []
            if executions.count >= count, executions.allSatisfy({ $0["status"] != "RUNNING" }) {
                return executions
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("the daemon did not start \(count) executions within 45 s")
        return []
    }
}

/// A `cairn serve` child process of a test.
struct ServeProcess {
    let process: Process

    init(workspace: Workspace, environment: [String: String]) throws {
        let binary = try CairnBinary.locate()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = [
            "serve", "--db", "cairn.db", "--workflows", "wf", "--grace-period", "2",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
        process.environment = CairnBinary.environment(adding: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Stops the daemon with SIGTERM and returns its exit status.
    func stop() async -> Int32 {
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        return process.terminationStatus
    }
}
