// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import Foundation

/// Sample records for the store tests; times are whole milliseconds so they read back equal.
enum StoreFixtures {
    static let definition: JSONValue = [
        "StartAt": "Train",
        "States": ["Train": ["Type": "Pass", "End": true]],
    ]

    static func time(_ offsetMilliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(1_700_000_000_123 + offsetMilliseconds) / 1_000)
    }

    static func execution(
        id: String,
        workflow: String = "training",
        startedAt: Date = time(0),
        status: ExecutionStatus = .running
    ) -> ExecutionRecord {
        ExecutionRecord(
            id: id,
            name: "run-\(id)",
            workflowName: workflow,
            workflowFilePath: "/srv/flows/\(workflow).yaml",
            definition: definition,
            definitionSHA256: String(repeating: "ab", count: 32),
            status: status,
            input: ["dataset": "day.csv", "threshold": 0.9],
            startedAt: startedAt
        )
    }

    static func event(
        _ id: Int,
        _ type: HistoryEventType,
        details: JSONValue = ["name": "Train"]
    ) -> HistoryEvent {
        HistoryEvent(
            id: id,
            previousEventID: id - 1,
            timestamp: time(Int64(id)),
            type: type,
            details: details
        )
    }

    static let started = event(1, .executionStarted, details: ["input": "{}"])

    static let firstCheckpoint: JSONValue = ["state": "Train", "attempt": 0]

    /// Stores a running execution with its ExecutionStarted event.
    static func create(
        _ id: String,
        in store: some Store,
        workflow: String = "training",
        startedAt: Date = time(0)
    ) throws {
        try store.createExecution(
            execution(id: id, workflow: workflow, startedAt: startedAt),
            events: [started],
            checkpoint: firstCheckpoint
        )
    }
}
