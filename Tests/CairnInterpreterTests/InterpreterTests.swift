// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import Foundation
import Testing

@Suite struct InterpreterTests {
    @Test func passChainAppliesResultPathAndOutputPath() throws {
        let harness = try InterpreterHarness(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.a", "Next": "B"},
              "B": {"Type": "Pass", "OutputPath": "$.a", "End": true}}}
            """,
            input: ["keep": true]
        )
        #expect(harness.output == ["x": 1])
        #expect(harness.eventTypes == [
            "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered",
            "PassStateExited", "ExecutionSucceeded",
        ])
        #expect(harness.history.map(\.id) == Array(1...6))
        #expect(harness.history.map(\.previousEventID) == Array(0...5))
    }

    @Test func taskRunsWithParametersAndContinuesWithItsResult() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "Train", "States": {
              "Train": {"Type": "Task", "Resource": "cairn:exec",
                "Parameters": {"Command": ["true"], "Payload": {"rows.$": "$.rows"}},
                "ResultPath": "$.trained", "End": true}}}
            """,
            input: ["rows": 10]
        )
        let task = try #require(harness.tasks.first)
        #expect(task.resource == "cairn:exec")
        // Keyed by the execution id, which is unique, never by its name, which
        // is unique only within one workflow.
        #expect(task.idempotencyKey.hasPrefix("exec-1:"))
        #expect(task.input.value == ["Command": ["true"], "Payload": ["rows": 10]])
        #expect(task.stateInput.value == ["rows": 10])
        #expect(task.attempt == 1)
        harness.send(.taskSucceeded(taskID: task.taskID, output: ["loss": 0.5]), after: 1500)
        #expect(harness.output == ["rows": 10, "trained": ["loss": 0.5]])
        #expect(harness.eventTypes == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
            "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        ])
    }

    @Test func retryWaitsWithBackoffThenCatchRoutesTheError() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "Flaky", "States": {
              "Flaky": {"Type": "Task", "Resource": "cairn:exec",
                "Parameters": {"Command": ["x"]},
                "Retry": [{"ErrorEquals": ["Net.Down"], "IntervalSeconds": 2,
                           "MaxAttempts": 2, "BackoffRate": 3}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure",
                           "Next": "Alert"}],
                "End": true},
              "Alert": {"Type": "Pass", "End": true}}}
            """
        )
        let failure = WorkflowFailure(error: "Net.Down", cause: "no route")
        var task = try #require(harness.tasks.first)
        harness.send(.taskFailed(taskID: task.taskID, failure: failure))
        var timer = try #require(harness.timers.first)
        #expect(timer.fireAt == harness.now + 2000)
        harness.send(.timerFired(id: timer.id), after: 2000)
        task = try #require(harness.tasks.first)
        #expect(task.attempt == 2)
        harness.send(.taskFailed(taskID: task.taskID, failure: failure))
        timer = try #require(harness.timers.first)
        #expect(timer.fireAt == harness.now + 6000)
        harness.send(.timerFired(id: timer.id), after: 6000)
        task = try #require(harness.tasks.first)
        #expect(task.attempt == 3)
        harness.send(.taskFailed(taskID: task.taskID, failure: failure))
        #expect(harness.output == ["failure": ["Error": "Net.Down", "Cause": "no route"]])
    }

    @Test func statesRuntimeIsNotCaughtEvenByStatesAll() throws {
        let harness = try InterpreterHarness(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "InputPath": "$.missing", "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """
        )
        #expect(harness.failure?.error == "States.Runtime")
        #expect(harness.failure?.cause?.hasPrefix(
            "An error occurred while executing the state 'P' (entered at the event id #2)."
        ) == true)
    }

    @Test func waitSecondsStartsATimerAndMovesOnWhenItFires() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "W", "States": {
              "W": {"Type": "Wait", "Seconds": 30, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """,
            input: ["v": 1]
        )
        let timer = try #require(harness.timers.first)
        #expect(timer.fireAt == InterpreterHarness.startTime + 30_000)
        #expect(harness.status == .running)
        try harness.reloadCheckpoint()
        harness.send(.timerFired(id: timer.id), after: 30_000)
        #expect(harness.output == ["v": 1])
    }

    @Test func executionTimeoutEndsTheExecution() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "W", "TimeoutSeconds": 5, "States": {
              "W": {"Type": "Wait", "Seconds": 60, "End": true}}}
            """
        )
        let timeout = try #require(harness.timers.first { $0.id == "execution-timeout" })
        #expect(timeout.fireAt == InterpreterHarness.startTime + 5000)
        harness.send(.timerFired(id: timeout.id), after: 5000)
        guard case .timedOut(let failure) = harness.status else {
            Issue.record("expected TIMED_OUT, got \(harness.status)")
            return
        }
        #expect(failure.error == "States.Timeout")
        #expect(harness.eventTypes.last == "ExecutionTimedOut")
    }

    @Test func choiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() throws {
        let harness = try InterpreterHarness(
            """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Variable": "$.n", "NumericGreaterThan": 5, "Next": "Big"}]},
              "Big": {"Type": "Succeed"}}}
            """,
            input: ["n": 1]
        )
        #expect(harness.failure?.error == "States.NoChoiceMatched")
    }

    @Test func parallelResultsKeepBranchOrderWhateverTheCompletionOrder() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "cairn:exec",
                  "Parameters": {"Command": ["a"]}, "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "cairn:exec",
                  "Parameters": {"Command": ["b"]}, "End": true}}}]}}}
            """
        )
        let tasks = harness.tasks
        #expect(tasks.map(\.stateName) == ["A", "B"])
        harness.send(.taskSucceeded(taskID: tasks[1].taskID, output: "second"))
        try harness.reloadCheckpoint()
        harness.send(.taskSucceeded(taskID: tasks[0].taskID, output: "first"))
        #expect(harness.output == ["first", "second"])
    }

    @Test func mapRespectsMaxConcurrency() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "Each", "States": {
              "Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                "ItemProcessor": {"StartAt": "Work", "States": {
                  "Work": {"Type": "Task", "Resource": "cairn:exec",
                    "Parameters": {"Command": ["w"], "Payload.$": "$"}, "End": true}}}}}}
            """,
            input: [1, 2]
        )
        var tasks = harness.tasks
        #expect(tasks.count == 1)
        harness.send(.taskSucceeded(taskID: tasks[0].taskID, output: 10))
        tasks = harness.tasks
        #expect(tasks.count == 1)
        #expect(tasks.first?.input.value == ["Command": ["w"], "Payload": 2])
        harness.send(.taskSucceeded(taskID: tasks[0].taskID, output: 20))
        #expect(harness.output == [10, 20])
    }

    @Test func lateResultForAnUnknownTaskChangesNothing() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "cairn:exec",
              "Parameters": {"Command": ["t"]}, "End": true}}}
            """
        )
        let before = harness.step.checkpoint
        harness.send(.taskSucceeded(taskID: "nope", output: 1))
        #expect(harness.step.checkpoint == before)
        #expect(harness.step.events.isEmpty)
    }

    @Test func stopAbortsAndCancelsTheRunningTask() throws {
        var harness = try InterpreterHarness(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "cairn:exec",
              "Parameters": {"Command": ["t"]}, "End": true}}}
            """
        )
        let task = try #require(harness.tasks.first)
        harness.send(.stop(error: "Operator", cause: "bad data"))
        #expect(harness.step.commands == [.cancelTask(taskID: task.taskID)])
        #expect(harness.eventTypes.last == "ExecutionAborted")
    }
}
