// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// The example training pipeline on its real data sets, and what the
/// operator commands show afterwards.
@Suite struct TrainingPipelineTests {
    static let pipeline = "Workflows/model-training-pipeline.yaml"

    @Test func trainingOnBreastCancerSucceedsAndRegistersAnApprovedModel() async throws {
        let workspace = try Workspace()
        try workspace.copyWorkflows()

        let run = try await workspace.cairn(
            "run", Self.pipeline, "--input-file", "Workflows/inputs/breast-cancer.json",
            "--json", "-q", "--db", "state/cairn.db"
        )

        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError == "")
        let result = try run.outputJSON()
        #expect(result["status"] == "SUCCEEDED")
        #expect(result["error"] == .null)
        let executionID = try #require(result["executionId"]?.stringValue)
        let accuracy = result["output"]?["evaluation"]?["metrics"]?["accuracy"]?.numberValue
        #expect((accuracy?.doubleValue ?? 0) >= 0.90)

        // The registry lists the model once, approved, tied to this execution.
        let list = try await workspace.cairn("registry", "list", "--json", "--db", "state/cairn.db")
        #expect(list.status == 0)
        #expect(list.standardError == "")
        let models = try #require(try list.outputJSON().arrayValue)
        try #require(models.count == 1)
        let model = models[0]
        #expect(model["modelName"] == "breast-cancer-classifier")
        #expect(model["version"] == 1)
        #expect(model["status"] == "APPROVED")
        #expect(model["executionId"]?.stringValue == executionID)
        let registered = model["metrics"]?["accuracy"]?.numberValue?.doubleValue ?? 0
        #expect(registered >= 0.90)
        let artifact = model["artifactPath"]?.stringValue ?? ""
        #expect(FileManager.default.fileExists(atPath: artifact), "artifact \(artifact)")

        // `registry show` agrees with the list, by model and by version.
        let versions = try await workspace.cairn(
            "registry", "show", "breast-cancer-classifier", "--json", "--db", "state/cairn.db"
        )
        #expect(versions.status == 0)
        #expect(try versions.outputJSON() == .array([model]))
        let version = try await workspace.cairn(
            "registry", "show", "breast-cancer-classifier", "1", "--json", "--db", "state/cairn.db"
        )
        #expect(version.status == 0)
        #expect(try version.outputJSON() == model)

        let text = try await workspace.cairn(
            "registry", "show", "breast-cancer-classifier", "1", "--db", "state/cairn.db"
        )
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("""
            Model      breast-cancer-classifier
            Version    1
            Status     APPROVED
            Reason     passed the quality gate: accuracy 0.97
            """))
        #expect(text.standardOutput.contains("Execution  \(executionID)\n"))

        let table = try await workspace.cairn("registry", "list", "--db", "state/cairn.db")
        let lines = table.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "MODEL                     VERSION  STATUS    EXECUTION"
            + "                             METRICS")
        #expect(lines.dropFirst().first?.hasPrefix(
            "breast-cancer-classifier        1  APPROVED  \(executionID)  accuracy=0.97"
        ) == true)

        let missing = try await workspace.cairn(
            "registry", "show", "breast-cancer-classifier", "2", "--db", "state/cairn.db"
        )
        #expect(missing.status == 1)
        #expect(missing.standardOutput == "")
        #expect(
            missing.standardError
                == "Error: the registry has no version 2 of 'breast-cancer-classifier'\n"
        )
    }

    @Test func brokenHeaderFailsThroughTheAlertPath() async throws {
        let workspace = try Workspace()
        try workspace.copyWorkflows()

        let run = try await workspace.cairn(
            "run", Self.pipeline, "--input-file", "Workflows/inputs/broken-header.json",
            "--json", "-q"
        )

        #expect(run.status == 1)
        let result = try run.outputJSON()
        #expect(result["status"] == "FAILED")
        #expect(result["error"] == "Data.HeaderMismatch")
        #expect(result["cause"] == "broken_header.csv: header says 569 rows but the file has 60")
        #expect(result["output"] == .null)
        let executionID = try #require(result["executionId"]?.stringValue)

        // The Alert task wrote its record beside the workflow.
        let alerts = try workspace.read("Workflows/runs/\(executionID)/alerts.jsonl")
        let alert = try JSONValue(parsing: alerts)
        #expect(alert["error"] == "Data.HeaderMismatch")

        // The operator finds it among the failed executions.
        let failed = try await workspace.cairn("execution", "list", "--status", "FAILED")
        #expect(failed.status == 0)
        #expect(
            failed.standardOutput.scrubbed == """
                EXECUTION                             WORKFLOW                 STATUS  \
                STARTED              DURATION  ERROR
                <id>  model-training-pipeline  FAILED  <local-time>     <dur>  Data.HeaderMismatch

                """
        )
        #expect(failed.standardOutput.contains(executionID))
        let succeeded = try await workspace.cairn("execution", "list", "--status", "SUCCEEDED")
        #expect(succeeded.standardOutput == "No executions match.\n")

        let listed = try await workspace.cairn("execution", "list", "--status", "FAILED", "--json")
        let entries = try #require(try listed.outputJSON().arrayValue)
        #expect(entries.map { $0["executionId"] } == [.string(executionID)])
        #expect(entries.first?["error"] == "Data.HeaderMismatch")

        try await expectAlertPathInHistory(of: executionID, in: workspace)
    }

    private func expectAlertPathInHistory(
        of executionID: String,
        in workspace: Workspace
    ) async throws {
        let history = try await workspace.cairn("execution", "history", executionID, "--json")
        #expect(history.status == 0)
        #expect(history.standardError == "")
        let events = try #require(try history.outputJSON().arrayValue)
        try #require(events.count >= 4)

        // Numbered from 1 without gaps, each pointing at the one before.
        #expect(events.map { $0["id"] } == (1...events.count).map { .number(JSONNumber($0)) })
        #expect(events.map { $0["previousEventId"] }
            == (0..<events.count).map { .number(JSONNumber($0)) })
        #expect(events.first?["type"] == "ExecutionStarted")
        #expect(events.last?["type"] == "ExecutionFailed")
        #expect(events.last?["details"]?["error"] == "Data.HeaderMismatch")

        // ValidateData fails, the catcher routes to Alert, then PipelineFailed.
        let steps = events.map { event in
            "\(event["type"]?.stringValue ?? "?") \(event["details"]?["name"]?.stringValue ?? "")"
        }
        let failedTask = try #require(events.firstIndex { $0["type"] == "TaskFailed" })
        let alertEntered = try #require(steps.firstIndex(of: "TaskStateEntered Alert"))
        let alertExited = try #require(steps.firstIndex(of: "TaskStateExited Alert"))
        let failEntered = try #require(steps.firstIndex(of: "FailStateEntered PipelineFailed"))
        #expect(events[failedTask]["details"]?["error"] == "Data.HeaderMismatch")
        #expect(failedTask < alertEntered)
        #expect(alertEntered < alertExited)
        #expect(alertExited < failEntered)
        #expect(failEntered == events.count - 2)
        #expect(!steps.contains("TaskStateEntered EngineerFeatures"))
    }
}
