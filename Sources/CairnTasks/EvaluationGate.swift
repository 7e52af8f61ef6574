// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnRuntime
import Foundation
public import CairnDefinition

/// The `cairn:eval.gate` task: compares a metrics object with thresholds and
/// says whether every check passed, so a Choice state can branch on it.
///
/// Parameters: `Metrics` (an object of numbers) and `Thresholds`, an object
/// whose values are comparisons written as text, `">= 0.90"`, `"<= 2000"`,
/// `"> 0"`, `"== 1"`, `"!= 0"`, or a bare number meaning `>=`.
/// A metric named in `Thresholds` but missing from `Metrics` fails its check.
///
/// ```yaml
/// Parameters:
///   Metrics.$: $.evaluation.metrics
///   Thresholds: {accuracy: ">= 0.90", latency_p95_ms: "<= 2000"}
/// ```
public enum EvaluationGate {
    /// A comparison a threshold may use.
    enum Comparison: String, CaseIterable {
        case greaterThanOrEqual = ">="
        case lessThanOrEqual = "<="
        case greaterThan = ">"
        case lessThan = "<"
        case equal = "=="
        case notEqual = "!="

        func holds(_ actual: Double, _ threshold: Double) -> Bool {
            switch self {
            case .greaterThanOrEqual: actual >= threshold
            case .lessThanOrEqual: actual <= threshold
            case .greaterThan: actual > threshold
            case .lessThan: actual < threshold
            case .equal: actual == threshold
            case .notEqual: actual != threshold
            }
        }
    }

    /// The gate's error name for parameters it cannot read.
    public static let invalidParametersError = "Gate.InvalidParameters"

    /// Runs the gate on a task's input.
    ///
    /// - Returns: `{"passed": Bool, "checks": [...], "failedChecks": [names]}`
    ///   with one check per threshold, in the order the thresholds are written.
    /// - Throws: `WorkflowFailure` named `Gate.InvalidParameters` when
    ///   `Metrics` or `Thresholds` is missing or a threshold does not parse.
    public static func evaluate(_ parameters: JSONValue) throws(WorkflowFailure) -> JSONValue {
        guard case .object(let metrics) = parameters["Metrics"] ?? .null else {
            throw invalid("Parameters must have a 'Metrics' object of numbers.")
        }
        guard case .object(let thresholds) = parameters["Thresholds"] ?? .null,
            !thresholds.isEmpty
        else {
            throw invalid("Parameters must have a non-empty 'Thresholds' object, "
                + "such as {\"accuracy\": \">= 0.90\"}.")
        }
        var checks: [JSONValue] = []
        var failed: [JSONValue] = []
        for (metric, written) in thresholds {
            let (comparison, threshold) = try parseThreshold(written, metric: metric)
            let actual = metrics[metric]?.numberValue
            let passed = actual.map { comparison.holds($0.doubleValue, threshold.doubleValue) }
                ?? false
            var check = JSONObject()
            check["metric"] = .string(metric)
            check["operator"] = .string(comparison.rawValue)
            check["threshold"] = .number(threshold)
            check["actual"] = actual.map(JSONValue.number) ?? .null
            check["passed"] = .bool(passed)
            if actual == nil { check["reason"] = "the metric is missing or not a number" }
            checks.append(.object(check))
            if !passed { failed.append(.string(metric)) }
        }
        var result = JSONObject()
        result["passed"] = .bool(failed.isEmpty)
        result["checks"] = .array(checks)
        result["failedChecks"] = .array(failed)
        return .object(result)
    }

    static func parseThreshold(
        _ written: JSONValue,
        metric: String
    ) throws(WorkflowFailure) -> (Comparison, JSONNumber) {
        if case .number(let number) = written { return (.greaterThanOrEqual, number) }
        guard case .string(let text) = written else {
            throw invalid("The threshold for '\(metric)' must be text such as \">= 0.9\" "
                + "or a number, found \(written.compactText).")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Longer operators first, so ">=" is not read as ">".
        for comparison in Comparison.allCases where trimmed.hasPrefix(comparison.rawValue) {
            let operand = trimmed.dropFirst(comparison.rawValue.count)
                .trimmingCharacters(in: .whitespaces)
            if let number = JSONNumber(literal: operand) ?? Double(operand).map(JSONNumber.init) {
                return (comparison, number)
            }
            break
        }
        throw invalid("The threshold for '\(metric)' is \"\(text)\"; write an operator "
            + "(>=, <=, >, <, ==, !=) and a number, such as \">= 0.9\".")
    }

    private static func invalid(_ message: String) -> WorkflowFailure {
        WorkflowFailure(error: invalidParametersError, cause: message)
    }
}

/// Serves `cairn:eval.gate` tasks.
public struct EvaluationGateHandler: TaskHandler {
    public init() {}

    public func run(_ invocation: TaskInvocation) async -> TaskOutcome {
        do {
            return .success(try EvaluationGate.evaluate(invocation.input))
        } catch {
            return .failure(error)
        }
    }
}
