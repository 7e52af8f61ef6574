// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// `cairn run`: the `--json` result object, exit statuses and usage errors.
@Suite struct RunCommandTests {
    static let greeting = """
        StartAt: Greet
        States:
          Greet:
            Type: Pass
            Parameters:
              message.$: States.Format('Hello, {}!', $.name)
              input.$: $
            End: true

        """

    static let usage = """
        Usage: cairn run [--input <json>] [--input-file <path>] [--name <name>]
                 [--db <path>] [--json] [--quiet] <file>
        See 'cairn run --help'.

        """

    // MARK: - The JSON result

    @Test func jsonResultIsOneObjectWithTheContractKeys() async throws {
        let workspace = try Workspace()
        try workspace.write("greet.yaml", Self.greeting)

        let run = try await workspace.cairn(
            "run", "greet.yaml", "--input", #"{"name": "Ada", "n": 1.50}"#,
            "--json", "-q", "--db", ":memory:"
        )

        #expect(run.status == 0)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput.scrubbed == """
                {"executionId":"<id>","workflow":"greet","status":"SUCCEEDED",\
                "startedAt":"<time>","stoppedAt":"<time>","input":{"name":"Ada","n":1.50},\
                "output":{"message":"Hello, Ada!","input":{"name":"Ada","n":1.50}},\
                "error":null,"cause":null}

                """
        )
        let result = try run.outputJSON()
        let keys = result.objectValue.map { Array($0.keys) } ?? []
        #expect(keys == [
            "executionId", "workflow", "status", "startedAt", "stoppedAt", "input", "output",
            "error", "cause",
        ])
        let started = result["startedAt"]?.stringValue ?? ""
        let stopped = result["stoppedAt"]?.stringValue ?? ""
        #expect(started <= stopped, "ISO times in UTC sort as text")
    }

    @Test func jsonResultOfAFailedExecutionNamesErrorAndCause() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "fail.yaml",
            """
            StartAt: Broken
            States:
              Broken:
                Type: Fail
                Error: Custom.Broken
                Cause: "it broke: \\"quoted\\", ünïcode"

            """
        )

        let run = try await workspace.cairn(
            "run", "fail.yaml", "--json", "-q", "--db", ":memory:"
        )

        #expect(run.status == 1)
        #expect(run.standardError == "")
        #expect(
            run.standardOutput.scrubbed == """
                {"executionId":"<id>","workflow":"fail","status":"FAILED",\
                "startedAt":"<time>","stoppedAt":"<time>","input":{},"output":null,\
                "error":"Custom.Broken","cause":"it broke: \\"quoted\\", ünïcode"}

                """
        )
    }

    @Test func executionTimeoutEndsTimedOutWithExitStatusOne() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "slow.yaml",
            """
            TimeoutSeconds: 1
            StartAt: Wait
            States:
              Wait:
                Type: Wait
                Seconds: 60
                End: true

            """
        )

        let run = try await workspace.cairn("run", "slow.yaml", "--json", "-q", "--db", ":memory:")

        #expect(run.status == 1)
        let result = try run.outputJSON()
        #expect(result["status"] == "TIMED_OUT")
        #expect(result["error"] == "States.Timeout")
        #expect(run.duration < .seconds(45), "the 60 s Wait was cut short")
    }

    @Test func inputAndOutputMayBeAnyJSONValue() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "echo.yaml",
            """
            StartAt: Echo
            States:
              Echo:
                Type: Pass
                End: true

            """
        )

        for input in [#"[1,"a",{"b":null}]"#, #""just text""#, "12345678901234567890", "null"] {
            let run = try await workspace.cairn(
                "run", "echo.yaml", "--input", input, "--json", "-q", "--db", ":memory:"
            )
            #expect(run.status == 0, "input \(input): \(run.standardError)")
            let result = try run.outputJSON()
            #expect(result["input"]?.compactText == input)
            #expect(result["output"]?.compactText == input)
        }
    }

    @Test func inputFileDashReadsStandardInput() async throws {
        let workspace = try Workspace()
        try workspace.write("greet.yaml", Self.greeting)

        let run = try await workspace.cairn(
            "run", "greet.yaml", "--input-file", "-", "--json", "-q", "--db", ":memory:",
            standardInput: #"{"name": "Grace"}"#
        )

        #expect(run.status == 0)
        let result = try run.outputJSON()
        #expect(result["output"]?["message"] == "Hello, Grace!")
    }

    @Test func progressGoesToStandardErrorUnlessQuiet() async throws {
        let workspace = try Workspace()
        try workspace.write("greet.yaml", Self.greeting)

        let run = try await workspace.cairn(
            "run", "greet.yaml", "--input", #"{"name": "Ada"}"#, "--db", ":memory:"
        )

        #expect(run.status == 0)
        #expect(
            run.standardError.scrubbed == """
                started execution
                  → Greet (Pass)
                  ✓ Greet <dur>
                execution SUCCEEDED

                """
        )
        #expect(
            run.standardOutput.scrubbed == """
                SUCCEEDED greet in <dur>
                execution: <id>

                """
        )
    }

    // MARK: - Definition and usage errors: exit status 2

    @Test func definitionErrorIsReportedWithFileLineAndColumn() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "typo.yaml",
            """
            StartAt: First
            States:
              First:
                Type: Pass
                Next: Secnd
              Second:
                Type: Succeed

            """
        )

        let run = try await workspace.cairn("run", "typo.yaml", "--json", "--db", ":memory:")

        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(
            run.standardError == """
                typo.yaml:5:11: Next names 'Secnd', which is not a state; did you mean 'Second'?
                    Next: Secnd
                          ^

                """
        )
    }

    @Test func missingWorkflowFileIsADefinitionError() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("run", "missing.yaml", "--json", "--db", ":memory:")

        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "missing.yaml: cannot read 'missing.yaml': no such file\n")
    }

    @Test func databaseThatCannotBeOpenedIsAUsageError() async throws {
        let workspace = try Workspace()
        try workspace.write("greet.yaml", Self.greeting)
        try workspace.makeFolder("folder.db")

        let run = try await workspace.cairn(
            "run", "greet.yaml", "--input", #"{"name": "Ada"}"#, "--json", "--db", "folder.db"
        )

        // Exit status 1 would tell a script that an execution ran and failed,
        // yet stdout holds no result object: a bad --db is a usage error.
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.hasPrefix("Error: "))
        #expect(run.standardError.contains("folder.db"))
    }

    struct UsageCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var message: String
        var testDescription: String { name }
    }

    static let usageCases: [UsageCase] = [
        UsageCase(
            name: "unknown flag with a hint",
            arguments: ["--jsn"],
            message: "Unknown option '--jsn'; did you mean '--json'?"
        ),
        UsageCase(
            name: "bad --input JSON",
            arguments: ["--input", "{bad"],
            message: "'--input' is not valid JSON: --input:1:2: expected a member name in quotes"
        ),
        UsageCase(
            name: "--input and --input-file together",
            arguments: ["--input", "{}", "--input-file", "input.json"],
            message: "'--input' and '--input-file' cannot be used together"
        ),
        UsageCase(
            name: "missing input file",
            arguments: ["--input-file", "nope.json"],
            message: "cannot read the input file 'nope.json'"
        ),
        UsageCase(
            name: "option without its value",
            arguments: ["--input"],
            message: "Missing value for '--input <json>'"
        ),
    ]

    @Test(arguments: usageCases)
    func usageErrorsExitWithStatusTwo(_ usage: UsageCase) async throws {
        let workspace = try Workspace()
        try workspace.write("greet.yaml", Self.greeting)
        try workspace.write("input.json", "{}")

        let run = try await workspace.cairn(
            ["run", "greet.yaml", "--json", "--db", ":memory:"] + usage.arguments
        )

        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "Error: \(usage.message)\n" + Self.usage)
    }

    @Test func missingFileArgumentIsAUsageError() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("run")

        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError == "Error: Missing expected argument '<file>'\n" + Self.usage)
    }
}
