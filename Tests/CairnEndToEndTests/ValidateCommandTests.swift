// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// `cairn validate`: the shipped workflows pass; broken copies are reported
/// as `file:line:column: message` with the source line and a caret.
@Suite struct ValidateCommandTests {
    @Test func everyShippedWorkflowIsValid() async throws {
        let workspace = try Workspace()
        try workspace.copyWorkflows()
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.path("Workflows"))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { "Workflows/\($0)" }
        try #require(files.count >= 2)

        let run = try await workspace.cairn(["validate"] + files)

        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(run.standardOutput == files.map { "\($0): valid\n" }.joined())
    }

    /// One way to break the training pipeline: the text replaced (it must
    /// occur once), and the message Cairn gives at the replacement's start.
    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var original: String
        var replacement: String
        var message: String
        /// Where the reported column starts within `replacement`.
        var valueOffset: Int
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(
            name: "misspelled Next target",
            original: "      Next: EngineerFeatures\n",
            replacement: "      Next: EngineerFeature\n",
            message: "Next names 'EngineerFeature', which is not a state; "
                + "did you mean 'EngineerFeatures'?",
            valueOffset: 12
        ),
        Breakage(
            name: "misspelled StartAt",
            original: "  StartAt: ApplyDefaults\n",
            replacement: "  StartAt: ApplyDefault\n",
            message: "StartAt names 'ApplyDefault', which is not a state; "
                + "did you mean 'ApplyDefaults'?",
            valueOffset: 11
        ),
        Breakage(
            name: "TimeoutSeconds as a string",
            original: "      TimeoutSeconds: 300\n",
            replacement: "      TimeoutSeconds: \"300\"\n",
            message: "TimeoutSeconds must be a positive integer, found the string \"300\"",
            valueOffset: 22
        ),
        Breakage(
            name: "BooleanEquals as a string",
            original: "          BooleanEquals: false\n",
            replacement: "          BooleanEquals: \"false\"\n",
            message: "BooleanEquals must be true or false, found the string \"false\"",
            valueOffset: 25
        ),
        Breakage(
            name: "misspelled state type",
            original: "      Type: Succeed\n",
            replacement: "      Type: Succed\n",
            message: "unknown state type 'Succed'; did you mean 'Succeed'?",
            valueOffset: 12
        ),
        Breakage(
            name: "misspelled resource",
            original: "      Resource: cairn:eval.gate\n",
            replacement: "      Resource: cairn:eval.gat\n",
            message: "unknown resource 'cairn:eval.gat'; did you mean 'cairn:eval.gate'?",
            valueOffset: 16
        ),
    ]

    @Test(arguments: breakages)
    func brokenCopyIsReportedAtItsLineAndColumn(_ breakage: Breakage) async throws {
        let workspace = try Workspace()
        let original = try String(
            contentsOf: Workspace.packageRoot
                .appendingPathComponent("Workflows/model-training-pipeline.yaml"),
            encoding: .utf8
        )
        let pieces = original.components(separatedBy: breakage.original)
        try #require(pieces.count == 2, "'\(breakage.original)' must occur exactly once")
        try workspace.write("broken.yaml", pieces.joined(separator: breakage.replacement))
        let line = pieces[0].filter { $0 == "\n" }.count + 1
        let column = breakage.valueOffset + 1
        let sourceLine = String(breakage.replacement.dropLast())

        let run = try await workspace.cairn("validate", "broken.yaml")

        #expect(run.status == 1)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                broken.yaml:\(line):\(column): \(breakage.message)
                \(sourceLine)
                \(String(repeating: " ", count: column - 1))^

                """
        )
    }

    @Test func validateReportsEveryFileAndFailsWhenAnyIsInvalid() async throws {
        let workspace = try Workspace()
        try workspace.write("good.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n")
        try workspace.write("bad.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n")

        let run = try await workspace.cairn("validate", "good.yaml", "bad.yaml", "missing.yaml")

        #expect(run.status == 1)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput == """
                good.yaml: valid
                bad.yaml:3:3: state 'A' needs Next or End: true
                  A:
                  ^
                missing.yaml: cannot read 'missing.yaml': no such file

                """
        )
    }

    @Test func validateJSONListsProblemsWithLineAndColumn() async throws {
        let workspace = try Workspace()
        try workspace.write("good.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n")
        try workspace.write("bad.yaml", "StartAt: B\nStates:\n  A:\n    Type: Succeed\n")

        let run = try await workspace.cairn("validate", "--json", "good.yaml", "bad.yaml")

        #expect(run.status == 1)
        #expect(run.standardError == "")
        #expect(
            try run.outputJSON() == JSONValue(parsing: """
                {"valid": false, "files": [
                  {"file": "good.yaml", "valid": true, "problems": []},
                  {"file": "bad.yaml", "valid": false, "problems": [
                    {"file": "bad.yaml", "line": 1, "column": 10,
                     "message": "StartAt names 'B', which is not a state"}
                  ]}
                ]}
                """)
        )
    }
}
