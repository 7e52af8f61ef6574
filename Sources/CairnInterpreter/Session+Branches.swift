// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension Session {
    // MARK: - Parallel

    mutating func startParallel(
        _ frame: inout Frame,
        _ state: State,
        _ parallel: ParallelState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = try effectiveInput(frame, state, inherited)
        var branchInput = input
        if let parameters = state.parameters {
            branchInput = try evaluate(parameters, frame, state, input: input, inherited)
        } else if state.queryLanguage == .jsonata {
            branchInput = try jsonataArguments(frame, state, input: input, inherited)
        }
        record("ParallelStateStarted", .object(JSONObject()))
        frame.branching = Branching(effectiveInput: StoredJSON(input), maxConcurrency: 0)
        frame.children = parallel.branches.indices.map { index in
            makeChild(of: frame, state, step: .branch(state: state.name, index: index),
                      suffix: String(index), input: branchInput)
        }
        for index in frame.children.indices {
            enter(&frame.children[index], state: parallel.branches[index].startAt,
                  input: branchInput)
        }
        frame.phase = .awaitingChildren
    }

    func makeChild(
        of frame: Frame,
        _ state: State,
        step: MachineStep,
        suffix: String,
        input: JSONValue,
        mapItem: MapItem? = nil
    ) -> Frame {
        Frame(
            id: "\(frame.id)/\(frame.enteredEventID).\(frame.attempt)/\(suffix)",
            machine: frame.machine + [step],
            stateName: "",
            rawInput: StoredJSON(input),
            enteredEventID: 0,
            enteredAt: now,
            retryCounts: [],
            attempt: 1,
            phase: .pending,
            variables: [:],
            children: [],
            mapItem: mapItem
        )
    }

    /// Drives the children of a Parallel or Map state; returns whether the
    /// state itself moved on (all children done, or one failed it).
    mutating func driveChildren(_ frame: inout Frame, inherited: [String: JSONValue]) -> Bool {
        guard let state = currentState(of: frame) else { return false }
        switch state.type {
        case .parallel: return driveParallel(&frame, state, inherited)
        case .map(let map): return driveMap(&frame, state, map, inherited)
        default: return false
        }
    }

    private mutating func driveParallel(
        _ frame: inout Frame,
        _ state: State,
        _ inherited: [String: JSONValue]
    ) -> Bool {
        let scope = Session.merge(inherited, frame.variables)
        for index in frame.children.indices {
            drive(&frame.children[index], inherited: scope)
            if fatalFailure != nil { return false }
            if case .failed(let failure) = frame.children[index].phase {
                abandonChildren(&frame)
                record("ParallelStateFailed", Session.failureDetails(failure))
                fail(&frame, with: failure, inherited: inherited)
                return true
            }
        }
        var results: [JSONValue] = []
        for child in frame.children {
            guard case .succeeded(let output) = child.phase else { return false }
            results.append(output.value)
        }
        frame.children = []
        record("ParallelStateSucceeded", .object(JSONObject()))
        do throws(WorkflowFailure) {
            try complete(&frame, state, result: .array(results), inherited: inherited)
        } catch {
            fail(&frame, with: error, inherited: inherited)
        }
        return true
    }

    /// Stops the children's tasks and timers; the children stay, so that a
    /// redrive can tell the ones that succeeded from the ones to run again.
    mutating func abandonChildren(_ frame: inout Frame) {
        for child in frame.children { abandon(child) }
    }
}
