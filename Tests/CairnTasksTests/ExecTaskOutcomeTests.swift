// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import Testing

@testable import CairnTasks

@Suite struct ExecTaskOutcomeTests {
    private func result(
        exit status: Int32,
        stdout: String,
        stderr: String = "",
        timedOut: Bool = false
    ) -> ProcessResult {
        ProcessResult(
            termination: .exited(status),
            standardOutput: Array(stdout.utf8),
            standardError: Array(stderr.utf8),
            timedOut: timedOut
        )
    }

    @Test func jsonOnStdoutWithExitZeroIsTheResult() {
        let outcome = ExecTaskHandler.outcome(
            of: result(exit: 0, stdout: "{\"rows\": 569}\n"), command: ["t"], logPath: nil
        )
        #expect(outcome == .success(["rows": 569]))
    }

    @Test func emptyStdoutWithExitZeroIsNull() {
        let outcome = ExecTaskHandler.outcome(
            of: result(exit: 0, stdout: "  \n"), command: ["t"], logPath: nil
        )
        #expect(outcome == .success(.null))
    }

    @Test func theLastStdoutLineNamesTheError() {
        let outcome = ExecTaskHandler.outcome(
            of: result(
                exit: 3,
                stdout: "progress 50%\n{\"error\": \"Data.Bad\", \"cause\": \"row 7\"}\n\n"
            ),
            command: ["t"],
            logPath: nil
        )
        #expect(outcome == .failure(WorkflowFailure(error: "Data.Bad", cause: "row 7")))
    }

    @Test func anUnnamedFailureIsTaskFailedWithTheStderrTail() {
        let outcome = ExecTaskHandler.outcome(
            of: result(exit: 1, stdout: "not json", stderr: "Traceback\nValueError: x\n"),
            command: ["python3", "t.py"],
            logPath: nil
        )
        #expect(outcome == .failure(WorkflowFailure(
            error: "States.TaskFailed",
            cause: "'python3 t.py' ended with exit status 1. Its stderr ends with:\n"
                + "Traceback\nValueError: x"
        )))
    }

    @Test func aTimeoutIsStatesTimeout() {
        let outcome = ExecTaskHandler.outcome(
            of: result(exit: 0, stdout: "", timedOut: true), command: ["sleep"], logPath: nil
        )
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(failure.error == "States.Timeout")
    }

    @Test func exitZeroWithTextThatIsNotJSONFails() {
        let outcome = ExecTaskHandler.outcome(
            of: result(exit: 0, stdout: "done!"), command: ["t"], logPath: nil
        )
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(failure.error == "States.TaskFailed")
        #expect(failure.cause?.contains("first bytes: done!") == true)
    }
}
