// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// The `cairn:exec` contract of DESIGN.md, through real Python processes.
@Suite struct ExecTaskTests {
    /// Prints what the process received: stdin, working directory, variables.
    static let echoScript = """
        import json, os, sys
        names = ["CAIRN_EXECUTION_ID", "CAIRN_STATE_NAME", "CAIRN_ATTEMPT",
                 "CAIRN_IDEMPOTENCY_KEY", "EXTRA"]
        print(json.dumps({
            "stdin": json.load(sys.stdin),
            "cwd": os.getcwd(),
            "env": {name: os.environ.get(name) for name in names},
        }))

        """

    @Test func processGetsPayloadVariablesAndTheWorkflowFolder() async throws {
        let workspace = try Workspace()
        try workspace.write("flows/tasks/echo.py", Self.echoScript)
        try workspace.makeFolder("flows/work")
        try workspace.makeFolder("elsewhere")
        try workspace.write(
            "flows/echo.yaml",
            """
            StartAt: WithPayload
            States:
              WithPayload:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/echo.py]
                  Payload:
                    greeting.$: $.greeting
                    fixed: 1
                  Env:
                    EXTRA: extra value
                ResultPath: $.first
                Next: WithoutPayload
              WithoutPayload:
                Type: Task
                Resource: cairn:exec
                InputPath: $.inner
                Parameters:
                  Command: [python3, tasks/echo.py]
                ResultPath: $.second
                Next: InWorkFolder
              InWorkFolder:
                Type: Task
                Resource: cairn:exec
                InputPath: $.inner.list
                Parameters:
                  Command: [python3, ../tasks/echo.py]
                  WorkingDirectory: work
                ResultPath: $.third
                End: true

            """
        )

        // Run from another folder, naming the workflow by a relative path.
        let run = try await workspace.cairn(
            "run", "../flows/echo.yaml",
            "--input", #"{"greeting": "hi", "inner": {"list": [1, "two"]}}"#,
            "--json", "-q", "--db", ":memory:",
            in: "elsewhere"
        )

        #expect(run.status == 0, "\(run.standardError)")
        let result = try run.outputJSON()
        let output = try #require(result["output"])
        let id = try #require(result["executionId"]?.stringValue)
        let keys = ["first", "second", "third"].map {
            output[$0]?["env"]?["CAIRN_IDEMPOTENCY_KEY"]?.stringValue ?? ""
        }
        let flows = workspace.path("flows")
        let expected = try JSONValue(parsing: """
            {
              "greeting": "hi", "inner": {"list": [1, "two"]},
              "first": {"stdin": {"greeting": "hi", "fixed": 1}, "cwd": "\(flows)",
                "env": {"CAIRN_EXECUTION_ID": "\(id)", "CAIRN_STATE_NAME": "WithPayload",
                  "CAIRN_ATTEMPT": "1", "CAIRN_IDEMPOTENCY_KEY": "\(keys[0])",
                  "EXTRA": "extra value"}},
              "second": {"stdin": {"list": [1, "two"]}, "cwd": "\(flows)",
                "env": {"CAIRN_EXECUTION_ID": "\(id)", "CAIRN_STATE_NAME": "WithoutPayload",
                  "CAIRN_ATTEMPT": "1", "CAIRN_IDEMPOTENCY_KEY": "\(keys[1])",
                  "EXTRA": null}},
              "third": {"stdin": [1, "two"], "cwd": "\(flows)/work",
                "env": {"CAIRN_EXECUTION_ID": "\(id)", "CAIRN_STATE_NAME": "InWorkFolder",
                  "CAIRN_ATTEMPT": "1", "CAIRN_IDEMPOTENCY_KEY": "\(keys[2])",
                  "EXTRA": null}}
            }
            """)
        #expect(output == expected)
        #expect(!keys.contains(""))
        #expect(Set(keys).count == 3, "each task gets its own idempotency key: \(keys)")
    }

    @Test func namedErrorIsRetriedWithTheSameKeyThenCaught() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "tasks/flaky.py",
            """
            import json, os, sys
            attempt = os.environ["CAIRN_ATTEMPT"]
            with open("attempts.jsonl", "a") as log:
                key = os.environ["CAIRN_IDEMPOTENCY_KEY"]
                log.write(json.dumps({"attempt": attempt, "key": key}) + "\\n")
            print("progress noise before the error line")
            print("not the last line", file=sys.stderr)
            if attempt == "1":
                print(json.dumps({"error": "Custom.Flaky", "cause": "first try"}))
            else:
                print(json.dumps({"error": "Custom.Broken", "cause": "attempt " + attempt}))
            sys.exit(1)

            """
        )
        try workspace.write(
            "flaky.yaml",
            """
            StartAt: Flaky
            States:
              Flaky:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/flaky.py]
                Retry:
                  - ErrorEquals: [Custom.Flaky]
                    IntervalSeconds: 1
                    MaxAttempts: 3
                Catch:
                  - ErrorEquals: [Custom.Broken]
                    ResultPath: $.caught
                    Next: Handled
                End: true
              Handled:
                Type: Pass
                End: true

            """
        )

        let run = try await workspace.cairn(
            "run", "flaky.yaml", "--input", #"{"keep": true}"#, "--json", "-q", "--db", ":memory:"
        )

        #expect(run.status == 0, "\(run.standardError)")
        let result = try run.outputJSON()
        #expect(result["output"] == (try JSONValue(parsing: """
            {"keep": true, "caught": {"Error": "Custom.Broken", "Cause": "attempt 2"}}
            """)))
        let attempts = try workspace.read("attempts.jsonl")
            .split(separator: "\n")
            .map { try JSONValue(parsing: String($0)) }
        #expect(attempts.map { $0["attempt"] } == ["1", "2"])
        let keys = Set(attempts.compactMap { $0["key"]?.stringValue })
        #expect(keys.count == 1, "a retry keeps the idempotency key: \(keys)")
    }

    @Test func unnamedFailureIsTaskFailedWithTheTailOfStandardError() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "tasks/crash.py",
            """
            import sys
            for number in range(30):
                print(f"diagnostic line {number}", file=sys.stderr)
            print('{"not": "an error line"}')
            sys.exit(3)

            """
        )
        try workspace.write(
            "crash.yaml",
            """
            StartAt: Crash
            States:
              Crash:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/crash.py]
                End: true

            """
        )

        let run = try await workspace.cairn(
            "run", "crash.yaml", "--json", "-q", "--db", "state/cairn.db"
        )

        #expect(run.status == 1)
        let result = try run.outputJSON()
        let id = try #require(result["executionId"]?.stringValue)
        let log = workspace.path("state/logs/\(id)/Crash.1.stderr")
        let tail = (10..<30).map { "diagnostic line \($0)\n" }.joined()
        #expect(result["status"] == "FAILED")
        #expect(result["error"] == "States.TaskFailed")
        #expect(result["cause"]?.stringValue == """
            'python3 tasks/crash.py' ended with exit status 3. Its stderr ends with:
            \(tail)(full stderr: \(log))
            """)
        #expect(try workspace.read("state/logs/\(id)/Crash.1.stderr")
            == (0..<30).map { "diagnostic line \($0)\n" }.joined())
    }

    @Test func unnamedFailureIsCaughtAsTaskFailed() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "tasks/exit.py",
            "import sys\nprint('oops', file=sys.stderr)\nsys.exit(2)\n"
        )
        try workspace.write(
            "catch.yaml",
            """
            StartAt: Exit
            States:
              Exit:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/exit.py]
                Catch:
                  - ErrorEquals: [States.TaskFailed]
                    ResultPath: $.caught
                    Next: Done
                End: true
              Done:
                Type: Pass
                OutputPath: $.caught.Error
                End: true

            """
        )

        let run = try await workspace.cairn("run", "catch.yaml", "--json", "-q", "--db", ":memory:")

        #expect(run.status == 0)
        #expect(try run.outputJSON()["output"] == "States.TaskFailed")
    }

    @Test func missingProgramAndSignalsAreFailuresToo() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "odd.yaml",
            """
            StartAt: Missing
            States:
              Missing:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [no-such-program-for-cairn, --flag]
                Catch:
                  - ErrorEquals: [States.ALL]
                    ResultPath: $.missing
                    Next: Killed
                Next: Killed
              Killed:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, -c, "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"]
                End: true

            """
        )

        let run = try await workspace.cairn("run", "odd.yaml", "--json", "-q", "--db", ":memory:")

        #expect(run.status == 1)
        let result = try run.outputJSON()
        #expect(result["error"] == "States.TaskFailed")
        #expect(result["cause"] == """
            'python3 -c import os, signal; os.kill(os.getpid(), signal.SIGKILL)' ended with \
            signal 9. It wrote nothing to stderr.
            """)
        let history = try await workspace.cairn("run", "odd.yaml", "--db", "odd.db", "-q")
        #expect(history.status == 1)
        let id = history.standardOutput.split(separator: "\n").dropFirst().first?
            .split(separator: " ").last.map(String.init) ?? ""
        let events = try await workspace.cairn(
            "execution", "history", id, "--json", "--db", "odd.db"
        )
        let failures = (try events.outputJSON().arrayValue ?? []).filter {
            $0["type"] == "TaskFailed"
        }
        #expect(failures.first?["details"]?["error"] == "Exec.SpawnFailed")
        #expect(failures.first?["details"]?["cause"]?.stringValue == """
            command 'no-such-program-for-cairn' not found in PATH (working directory: \
            \(workspace.root))
            """)
    }

    @Test func successNeedsOneJSONValueOnStandardOutput() async throws {
        let workspace = try Workspace()
        try workspace.write("tasks/empty.py", "pass\n")
        try workspace.write("tasks/prose.py", "print('hello there')\n")
        try workspace.write(
            "output.yaml",
            """
            StartAt: Empty
            States:
              Empty:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/empty.py]
                ResultPath: $.empty
                Next: Prose
              Prose:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/prose.py]
                End: true

            """
        )

        let run = try await workspace.cairn(
            "run", "output.yaml", "--json", "-q", "--db", ":memory:"
        )

        #expect(run.status == 1)
        let result = try run.outputJSON()
        #expect(result["error"] == "States.TaskFailed")
        let cause = result["cause"]?.stringValue ?? ""
        #expect(cause.hasPrefix(
            "'python3 tasks/prose.py' exited with status 0 but its standard output is not one "
                + "JSON value"
        ))
        #expect(cause.hasSuffix("first bytes: hello there"))
    }

    @Test func largePayloadAndResultDoNotDeadlockThePipes() async throws {
        let workspace = try Workspace()
        // Prints more than a pipe holds (64 KiB) and never reads its input.
        try workspace.write(
            "tasks/big.py",
            "import json\nprint(json.dumps({'items': ['x' * 99] * 1000}))\n"
        )
        try workspace.write(
            "big.yaml",
            """
            StartAt: Big
            States:
              Big:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, tasks/big.py]
                  Payload:
                    blob.$: $.blob
                ResultSelector:
                  count.$: States.ArrayLength($.items)
                End: true

            """
        )
        let blob = String(repeating: "y", count: 100_000)

        let run = try await workspace.cairn(
            "run", "big.yaml", "--input-file", "-", "--json", "-q", "--db", ":memory:",
            standardInput: #"{"blob": "\#(blob)"}"#
        )

        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.timedOut)
        #expect(try run.outputJSON()["output"] == ["count": 1000])
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "spawn.yaml",
            """
            StartAt: Spawn
            States:
              Spawn:
                Type: Task
                Resource: cairn:exec
                TimeoutSeconds: 2
                Parameters:
                  Command: [sh, -c, "sleep 60 & echo $! > grandchild.pid; wait"]
                End: true

            """
        )

        let run = try await workspace.cairn("run", "spawn.yaml", "--json", "-q", "--db", ":memory:")

        #expect(run.status == 1)
        #expect(run.duration < .seconds(45), "the 60 s sleep was cut short")
        let result = try run.outputJSON()
        #expect(result["status"] == "FAILED")
        #expect(result["error"] == "States.Timeout")
        #expect(result["cause"] == """
            'sh -c sleep 60 & echo $! > grandchild.pid; wait' ran past the state's \
            TimeoutSeconds and was stopped. It wrote nothing to stderr.
            """)
        // The shell starts its child and writes the pid long before the 2 s are up.
        try #require(workspace.exists("grandchild.pid"), "the task never started its child")
        let pid = try workspace.read("grandchild.pid")
        #expect(try await Self.waitForExit(of: pid, in: workspace) == "gone")
    }

    /// Waits up to five seconds for a process that is not ours to end, by
    /// polling its pidfd; a survivor is killed so it cannot outlive the test.
    private static func waitForExit(
        of pid: String,
        in workspace: Workspace
    ) async throws -> String {
        let check = try await workspace.python(
            """
            import os, select, signal, sys
            pid = int(sys.argv[1])
            try:
                descriptor = os.pidfd_open(pid)
            except ProcessLookupError:
                print("gone", end="")
                sys.exit()
            ready, _, _ = select.select([descriptor], [], [], 5)
            if ready:
                print("gone", end="")
            else:
                os.kill(pid, signal.SIGKILL)
                print("alive", end="")

            """,
            pid
        )
        return check.standardOutput
    }
}
