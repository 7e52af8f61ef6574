// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnInterpreter

/// Watches an execution's history as it is written, to show progress.
public protocol ExecutionObserver: Sendable {
    /// Called after each transition is stored, with the events it appended.
    func recorded(_ events: [HistoryEntry], executionID: String)
}
