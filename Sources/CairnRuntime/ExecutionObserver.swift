// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnInterpreter

/// Watches an execution's history as it is written, to show progress.
public protocol ExecutionObserver: Sendable {
    /// Called after each transition is stored, with the events it appended.
    func recorded(_ events: [HistoryEntry], executionID: String)

    /// Called when a timer fires later than it was due, for instance because
    /// no engine ran when it fell due.
    func timerFiredLate(executionID: String, timerID: String, lateness: Int64)
}

extension ExecutionObserver {
    public func timerFiredLate(executionID: String, timerID: String, lateness: Int64) {}
}
