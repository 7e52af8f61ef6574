// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import Foundation
import Testing

/// Drives an interpreter by hand: a fixed start time, a seed, and helpers to
/// feed events and read what came out.
struct InterpreterHarness {
    let interpreter: Interpreter
    var step: InterpreterStep
    var now: Int64
    var history: [HistoryEntry]

    static let startTime: Int64 = 1_700_000_000_000

    init(_ definitionJSON: String, input: JSONValue = [:], seed: UInt64 = 7) throws {
        let workflow = try WorkflowLoader.decode(text: definitionJSON, file: "test.json")
        interpreter = Interpreter(definition: workflow.definition)
        now = InterpreterHarness.startTime
        let info = ExecutionInfo(
            executionID: "exec-1",
            executionName: "nightly",
            stateMachineName: "test",
            input: input,
            startTime: now
        )
        step = interpreter.start(info: info, seed: seed, now: now)
        history = step.events
    }

    mutating func send(_ event: InterpreterEvent, after milliseconds: Int64 = 0) {
        now += milliseconds
        step = interpreter.handle(event, checkpoint: step.checkpoint, now: now)
        history += step.events
    }

    /// Round-trips the checkpoint through its stored form, as a restart would.
    mutating func reloadCheckpoint() throws {
        let data = try JSONEncoder().encode(step.checkpoint)
        step.checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
    }

    var tasks: [TaskRequest] {
        step.commands.compactMap { command in
            if case .runTask(let request) = command { return request }
            return nil
        }
    }

    var timers: [(id: String, fireAt: Int64)] {
        step.commands.compactMap { command in
            if case .startTimer(let id, let fireAt) = command { return (id, fireAt) }
            return nil
        }
    }

    var status: Checkpoint.Status { step.checkpoint.status }

    var output: JSONValue? {
        if case .succeeded(let output) = status { return output.value }
        return nil
    }

    var failure: WorkflowFailure? {
        switch status {
        case .failed(let failure), .timedOut(let failure), .aborted(let failure): failure
        default: nil
        }
    }

    var eventTypes: [String] { history.map(\.type) }
}
