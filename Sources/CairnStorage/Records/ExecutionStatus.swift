// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Where an execution stands, with the names Step Functions uses.
public enum ExecutionStatus: String, Sendable, Hashable, CaseIterable {
    /// Started and not yet stopped.
    case running = "RUNNING"
    /// Reached a Succeed state or the end of the machine.
    case succeeded = "SUCCEEDED"
    /// Reached a Fail state or an uncaught error.
    case failed = "FAILED"
    /// Ran past the machine's TimeoutSeconds.
    case timedOut = "TIMED_OUT"
    /// Stopped by an operator.
    case aborted = "ABORTED"

    /// `true` for every status but `running`: the execution has stopped.
    public var isTerminal: Bool {
        self != .running
    }
}
