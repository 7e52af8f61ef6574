// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnTasks
import Testing

@Suite struct EvaluationGateTests {
    @Test func everyThresholdBecomesACheckInTheOrderWritten() throws {
        let result = try EvaluationGate.evaluate([
            "Metrics": ["accuracy": 0.93, "latency_p95_ms": 2500],
            "Thresholds": ["accuracy": ">= 0.90", "latency_p95_ms": "<= 2000"],
        ])
        #expect(result == [
            "passed": false,
            "checks": [
                [
                    "metric": "accuracy", "operator": ">=", "threshold": 0.90,
                    "actual": 0.93, "passed": true,
                ],
                [
                    "metric": "latency_p95_ms", "operator": "<=", "threshold": 2000,
                    "actual": 2500, "passed": false,
                ],
            ],
            "failedChecks": ["latency_p95_ms"],
        ])
    }

    @Test(arguments: [
        ("> 0.5", 0.5, false), (">= 0.5", 0.5, true), ("< 1", 0.99, true), ("<= 1", 1.0, true),
        ("== 2", 2.0, true), ("!= 2", 2.0, false), ("0.9", 0.95, true), (" >=0.9 ", 0.85, false),
    ])
    func operatorsCompareAsWritten(threshold: String, actual: Double, passes: Bool) throws {
        let written: JSONValue =
            Double(threshold).map { .number(JSONNumber($0)) } ?? .string(threshold)
        let result = try EvaluationGate.evaluate([
            "Metrics": ["m": .number(JSONNumber(actual))],
            "Thresholds": ["m": written],
        ])
        #expect(result["passed"] == .bool(passes))
    }

    @Test func aMissingMetricFailsItsCheckWithAReason() throws {
        let result = try EvaluationGate.evaluate([
            "Metrics": [:], "Thresholds": ["recall": ">= 0.8"],
        ])
        #expect(result["passed"] == false)
        #expect(result["checks"]?[0]?["reason"] == "the metric is missing or not a number")
    }

    @Test func anUnreadableThresholdIsANamedFailure() {
        #expect(throws: WorkflowFailure(
            error: "Gate.InvalidParameters",
            cause: "The threshold for 'accuracy' is \"at least 0.9\"; write an operator "
                + "(>=, <=, >, <, ==, !=) and a number, such as \">= 0.9\"."
        )) {
            try EvaluationGate.evaluate([
                "Metrics": ["accuracy": 1], "Thresholds": ["accuracy": "at least 0.9"],
            ])
        }
    }
}
