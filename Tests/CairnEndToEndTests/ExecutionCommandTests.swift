// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Testing

/// `cairn execution list|show` over executions that `cairn run` stored.
@Suite struct ExecutionCommandTests {
    static let wrapped = """
        {
          "name": "nightly-report",
          "description": "A Cairn document around a bare definition.",
          "triggers": [],
          "definition": {
            "StartAt": "Report",
            "States": {"Report": {"Type": "Pass", "Result": {"ok": true}, "End": true}}
          }
        }

        """

    static let failing = """
        StartAt: Stop
        States:
          Stop:
            Type: Fail
            Error: Report.Missing
            Cause: no report today

        """

    @Test func listFiltersByStatusAndWorkflowNewestFirst() async throws {
        let workspace = try Workspace()
        try workspace.write("report.json", Self.wrapped)
        try workspace.write("stop.yaml", Self.failing)

        let first = try await workspace.cairn("run", "report.json", "--json", "-q")
        let second = try await workspace.cairn("run", "stop.yaml", "--json", "-q")
        let third = try await workspace.cairn("run", "report.json", "--json", "-q")
        let ids = try [first, second, third].map { try $0.outputJSON()["executionId"] }

        #expect(try first.outputJSON()["workflow"] == "nightly-report")
        #expect(try second.outputJSON()["workflow"] == "stop")
        let all = try await workspace.cairn("execution", "list", "--json")
        #expect(try all.outputJSON().arrayValue?.map { $0["executionId"] } == ids.reversed())
        let reports = try await workspace.cairn(
            "execution", "list", "--workflow", "nightly-report", "--json"
        )
        #expect(try reports.outputJSON().arrayValue?.map { $0["executionId"] } == [ids[2], ids[0]])
        let newest = try await workspace.cairn("execution", "list", "--limit", "1", "--json")
        #expect(try newest.outputJSON().arrayValue?.map { $0["executionId"] } == [ids[2]])
        let failed = try await workspace.cairn("execution", "list", "--status", "FAILED", "--json")
        let failedEntries = try failed.outputJSON().arrayValue ?? []
        #expect(failedEntries.map { $0["executionId"] } == [ids[1]])
        #expect(failedEntries.first?["error"] == "Report.Missing")
        #expect(failedEntries.first?["cause"] == "no report today")
        #expect(failedEntries.first?["input"] == nil, "list leaves the data out")
    }

    @Test func listRejectsBadOptionValues() async throws {
        let workspace = try Workspace()

        let limit = try await workspace.cairn("execution", "list", "--limit", "0")
        let status = try await workspace.cairn("execution", "list", "--status", "DONE")

        #expect(limit.status == 2)
        #expect(limit.standardError.hasPrefix("Error: '--limit' must be at least 1\n"))
        #expect(status.status == 2)
        #expect(status.standardOutput == "")
        #expect(status.standardError.hasPrefix("Error: "))
        #expect(status.standardError.contains("DONE"))
    }

    @Test func showFindsAnExecutionByNameAndPrintsItsData() async throws {
        let workspace = try Workspace()
        try workspace.write("report.json", Self.wrapped)
        let run = try await workspace.cairn(
            "run", "report.json", "--name", "monday", "--input", #"{"day": 1}"#, "--json", "-q"
        )
        let id = try #require(try run.outputJSON()["executionId"]?.stringValue)

        let json = try await workspace.cairn("execution", "show", "monday", "--json")
        let text = try await workspace.cairn("execution", "show", "monday", "--data")

        #expect(json.status == 0)
        let record = try json.outputJSON()
        #expect(record["executionId"]?.stringValue == id)
        #expect(record["name"] == "monday")
        #expect(record["workflow"] == "nightly-report")
        #expect(record["workflowFile"]?.stringValue?.hasSuffix("report.json") == true)
        #expect(record["input"] == ["day": 1])
        #expect(record["output"] == ["ok": true])
        #expect(text.status == 0)
        #expect(
            text.standardOutput.replacing(workspace.root + "/", with: "").scrubbed
                .replacing(#/sha256:[0-9a-f]{16}/#, with: "sha256:<hash>")
                == """
                Execution  <id>
                Name       monday
                Workflow   nightly-report
                File       report.json
                Status     SUCCEEDED
                Started    <local-time>
                Stopped    <local-time>
                Duration   <dur>
                Definition sha256:<hash>
                Input:
                {
                  "day": 1
                }
                Output:
                {
                  "ok": true
                }

                """
        )
    }
}
