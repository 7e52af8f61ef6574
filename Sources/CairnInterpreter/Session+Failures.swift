// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Foundation

extension Session {
    /// Handles a failure raised by the frame's current state: the first
    /// matching retrier runs it again after its back-off, else the first
    /// matching catcher moves on, else the frame fails.
    mutating func fail(
        _ frame: inout Frame,
        with failure: WorkflowFailure,
        inherited: [String: JSONValue]
    ) {
        guard Session.isRecoverable(failure), let state = currentState(of: frame) else {
            fatalFailure = failure
            return
        }
        if let index = state.retriers.firstIndex(where: {
            Session.matches(failure, $0.errorEquals)
        }), frame.retryCounts[index] < state.retriers[index].maxAttempts {
            scheduleRetry(&frame, retrier: state.retriers[index], index: index)
            return
        }
        if let index = state.catchers.firstIndex(where: {
            Session.matches(failure, $0.errorEquals)
        }) {
            do throws(WorkflowFailure) {
                if state.queryLanguage == .jsonata {
                    try recoverJSONata(&frame, state, catcher: index,
                                       errorOutput: Session.errorOutput(failure), inherited)
                } else {
                    try recover(&frame, state, state.catchers[index], failure, inherited)
                }
            } catch {
                fail(&frame, with: error, inherited: inherited)
            }
            return
        }
        frame.phase = .failed(failure)
    }

    /// `States.Runtime` and `States.DataLimitExceeded` end the execution: no
    /// retrier or catcher sees them, even one that names them.
    static func isRecoverable(_ failure: WorkflowFailure) -> Bool {
        failure.error != WorkflowFailure.Name.runtime
            && failure.error != WorkflowFailure.Name.dataLimitExceeded
    }

    /// Whether an `ErrorEquals` list matches a failure: by name, or through the
    /// wildcards `States.ALL` (anything) and `States.TaskFailed` (anything but
    /// a timeout).
    static func matches(_ failure: WorkflowFailure, _ errorEquals: [String]) -> Bool {
        errorEquals.contains { name in
            switch name {
            case WorkflowFailure.Name.all: true
            case WorkflowFailure.Name.taskFailed: failure.error != WorkflowFailure.Name.timeout
            default: name == failure.error
            }
        }
    }

    /// The wait before retry number `retryCount + 1`, in milliseconds:
    /// IntervalSeconds × BackoffRate^retryCount, capped by MaxDelaySeconds,
    /// and drawn uniformly below that with full jitter.
    static func retryDelay(_ retrier: Retrier, retryCount: Int, random: Double) -> Int64 {
        var seconds = Double(retrier.intervalSeconds) * pow(retrier.backoffRate, Double(retryCount))
        if let cap = retrier.maxDelaySeconds { seconds = min(seconds, Double(cap)) }
        if retrier.jitterStrategy == .full { seconds *= random }
        return Int64((seconds * 1000).rounded())
    }

    private mutating func scheduleRetry(_ frame: inout Frame, retrier: Retrier, index: Int) {
        let random = retrier.jitterStrategy == .full ? nextRandom() : 0
        let delay = Session.retryDelay(
            retrier,
            retryCount: frame.retryCounts[index],
            random: random
        )
        frame.retryCounts[index] += 1
        frame.attempt += 1
        frame.children = []
        frame.branching = nil
        let timerID = "retry:\(frame.id):\(frame.enteredEventID):\(frame.attempt)"
        startTimer(id: timerID, fireAt: now + delay)
        frame.phase = .awaitingTimer(timerID: timerID, purpose: .retry)
    }

    private mutating func recover(
        _ frame: inout Frame,
        _ state: State,
        _ catcher: Catcher,
        _ failure: WorkflowFailure,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        var errorOutput = JSONObject()
        errorOutput["Error"] = .string(failure.error)
        errorOutput["Cause"] = failure.cause.map(JSONValue.string) ?? .null
        let assignments = try assignments(
            catcher.assign, frame, state, value: .object(errorOutput), inherited
        )
        let output = try applyResultPath(
            catcher.resultPath, frame, state, result: .object(errorOutput)
        )
        leave(&frame, state: state, output: output, assignments: assignments,
              next: .next(catcher.next))
    }
}
