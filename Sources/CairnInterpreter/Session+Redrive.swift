// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension Interpreter {
    /// Continues an execution that FAILED, TIMED_OUT or was ABORTED from the
    /// state that did not finish, with that state's checkpointed input.
    ///
    /// Retry counters start again. Inside a Map or Parallel state only the
    /// iterations and branches that did not succeed run again; those that
    /// succeeded keep their results. The history gains `ExecutionRedriven` and
    /// `$$.Execution.RedriveCount` goes up by one.
    ///
    /// - Returns: `nil` when the execution is still running or succeeded.
    public func redrive(_ checkpoint: Checkpoint, now: Int64) -> InterpreterStep? {
        switch checkpoint.status {
        case .running, .succeeded: return nil
        case .failed, .timedOut, .aborted: break
        }
        var session = Session(definition: definition, checkpoint: checkpoint, now: now)
        session.redrive()
        return session.finish()
    }
}

extension Session {
    mutating func redrive() {
        checkpoint.status = .running
        checkpoint.info.redriveCount += 1
        record(
            "ExecutionRedriven",
            ["redriveCount": .number(JSONNumber(checkpoint.info.redriveCount))]
        )
        if let timeout = definition.timeoutSeconds {
            startTimer(id: Session.executionTimeoutTimer, fireAt: now + Int64(timeout) * 1000)
        }
        var root = checkpoint.root
        reopen(&root)
        drive(&root, inherited: [:])
        checkpoint.root = root
        settle()
    }

    /// Makes a frame that did not finish run its current state again; inside a
    /// Map or Parallel state, reopens only the children that did not succeed.
    private mutating func reopen(_ frame: inout Frame) {
        switch frame.phase {
        case .succeeded, .pending:
            return
        default:
            break
        }
        frame.retryCounts = frame.retryCounts.map { _ in 0 }
        guard !frame.children.isEmpty, frame.branching != nil else {
            frame.children = []
            frame.branching = nil
            // The attempt number keeps counting, so a task that runs again
            // never reuses an (idempotency key, attempt) pair.
            frame.attempt += 1
            frame.phase = .ready
            return
        }
        for index in frame.children.indices {
            guard case .succeeded = frame.children[index].phase else {
                reopen(&frame.children[index])
                frame.branching?.reportedIterations.remove(index)
                continue
            }
        }
        frame.phase = .awaitingChildren
    }
}
