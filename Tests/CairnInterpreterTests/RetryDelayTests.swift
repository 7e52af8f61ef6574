// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import Testing

@Suite struct RetryDelayTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var interval: Int
        var backoff: Double
        var maxDelay: Int?
        var failures: Int
        var expectedSeconds: [Int64]
        var testDescription: String {
            "interval \(interval) backoff \(backoff) cap \(maxDelay.map(String.init) ?? "none")"
        }
    }

    @Test(arguments: [
        Case(interval: 1, backoff: 2, maxDelay: nil, failures: 3, expectedSeconds: [1, 2, 4]),
        Case(interval: 3, backoff: 1, maxDelay: nil, failures: 3, expectedSeconds: [3, 3, 3]),
        Case(interval: 2, backoff: 3, maxDelay: 10, failures: 4, expectedSeconds: [2, 6, 10, 10]),
    ])
    func backoffGrowsGeometricallyUpToMaxDelay(_ testCase: Case) throws {
        var retrier = "{\"ErrorEquals\": [\"E\"], \"MaxAttempts\": 10, "
            + "\"IntervalSeconds\": \(testCase.interval), \"BackoffRate\": \(testCase.backoff)"
        if let cap = testCase.maxDelay { retrier += ", \"MaxDelaySeconds\": \(cap)" }
        retrier += "}"
        var harness = try InterpreterHarness(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "cairn:exec",
              "Parameters": {"Command": ["t"]}, "Retry": [\(retrier)], "End": true}}}
            """
        )
        var delays: [Int64] = []
        for _ in 0..<testCase.failures {
            let task = try #require(harness.tasks.first)
            harness.send(.taskFailed(taskID: task.taskID, failure: WorkflowFailure(
                error: "E", cause: nil)))
            let timer = try #require(harness.timers.first)
            delays.append((timer.fireAt - harness.now) / 1000)
            harness.send(.timerFired(id: timer.id), after: timer.fireAt - harness.now)
        }
        #expect(delays == testCase.expectedSeconds)
    }

    @Test func fullJitterStaysBelowTheDelayAndRepeatsForTheSameSeed() throws {
        func firstDelay(seed: UInt64) throws -> Int64 {
            var harness = try InterpreterHarness(
                """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "cairn:exec",
                  "Parameters": {"Command": ["t"]}, "End": true, "Retry": [{"ErrorEquals":
                  ["States.ALL"], "IntervalSeconds": 10, "JitterStrategy": "FULL"}]}}}
                """,
                seed: seed
            )
            let task = try #require(harness.tasks.first)
            harness.send(.taskFailed(taskID: task.taskID, failure: WorkflowFailure(
                error: "E", cause: nil)))
            let timer = try #require(harness.timers.first)
            return timer.fireAt - harness.now
        }
        let first = try firstDelay(seed: 99)
        #expect(first == (try firstDelay(seed: 99)))
        #expect((0...10_000).contains(first))
        #expect(first != (try firstDelay(seed: 100)))
    }
}
