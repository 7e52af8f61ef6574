// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition

extension Session {
    // MARK: - Entering and leaving states

    /// The state machine a frame runs: the top level, a branch or an item processor.
    func machine(for steps: [MachineStep]) -> StateMachine {
        var machine = definition
        for step in steps {
            switch step {
            case .branch(let name, let index):
                if case .parallel(let parallel) = machine.states[name]?.type {
                    machine = parallel.branches[index]
                }
            case .itemProcessor(let name):
                if case .map(let map) = machine.states[name]?.type {
                    machine = map.itemProcessor
                }
            }
        }
        return machine
    }

    func currentState(of frame: Frame) -> State? {
        machine(for: frame.machine).states[frame.stateName]
    }

    /// Records the state's `...StateEntered` event and makes it the frame's
    /// current state.
    mutating func enter(_ frame: inout Frame, state name: String, input: JSONValue) {
        guard let state = machine(for: frame.machine).states[name] else {
            fatalFailure = WorkflowFailure(
                error: WorkflowFailure.Name.runtime,
                cause: "The state '\(name)' does not exist in the state machine."
            )
            return
        }
        frame.stateName = name
        frame.rawInput = StoredJSON(input)
        frame.retryCounts = Array(repeating: 0, count: state.retriers.count)
        frame.attempt = 1
        frame.children = []
        frame.branching = nil
        frame.enteredAt = now
        frame.enteredEventID = record(
            "\(state.type.name)StateEntered",
            ["name": .string(name), "input": input]
        )
        frame.phase = .ready
    }

    /// Records `...StateExited`, applies the state's variable assignments and
    /// moves on to its successor, or ends the frame.
    mutating func leave(
        _ frame: inout Frame,
        state: State,
        output: JSONValue,
        assignments: [String: JSONValue],
        next: Transition
    ) {
        for (name, value) in assignments { frame.variables[name] = StoredJSON(value) }
        record(
            "\(state.type.name)StateExited",
            ["name": .string(state.name), "output": output]
        )
        switch next {
        case .next(let name): enter(&frame, state: name, input: output)
        case .end, .none: frame.phase = .succeeded(output: StoredJSON(output))
        }
    }

    // MARK: - Running the current state

    mutating func runState(_ frame: inout Frame, inherited: [String: JSONValue]) {
        guard let state = currentState(of: frame) else {
            frame.phase = .failed(WorkflowFailure(
                error: WorkflowFailure.Name.runtime,
                cause: "The state '\(frame.stateName)' does not exist."
            ))
            return
        }
        do throws(WorkflowFailure) {
            switch state.type {
            case .pass(let pass): try runPass(&frame, state, pass, inherited)
            case .task(let task): try runTask(&frame, state, task, inherited)
            case .choice(let choice): try runChoice(&frame, state, choice, inherited)
            case .wait(let wait): try runWait(&frame, state, wait, inherited)
            case .succeed: try runSucceed(&frame, state, inherited)
            case .fail(let fail): try runFail(&frame, state, fail, inherited)
            case .parallel(let parallel): try startParallel(&frame, state, parallel, inherited)
            case .map(let map): try startMap(&frame, state, map, inherited)
            }
        } catch {
            fail(&frame, with: error, inherited: inherited)
        }
    }

    private mutating func runPass(
        _ frame: inout Frame,
        _ state: State,
        _ pass: PassState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        if state.queryLanguage == .jsonata {
            try finishJSONata(&frame, state, result: nil, inherited: inherited,
                              next: state.transition)
            return
        }
        let input = try effectiveInput(frame, state, inherited)
        var result = input
        if let fixed = pass.result {
            result = fixed
        } else if let parameters = state.parameters {
            result = try evaluate(parameters, frame, state, input: input, inherited)
        }
        try complete(&frame, state, result: result, inherited: inherited)
    }

    private mutating func runSucceed(
        _ frame: inout Frame,
        _ state: State,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        if state.queryLanguage == .jsonata {
            try finishJSONata(&frame, state, result: nil, inherited: inherited, next: .end)
            return
        }
        let input = try effectiveInput(frame, state, inherited)
        let output = try applyOutputPath(frame, state, input, inherited)
        leave(&frame, state: state, output: output, assignments: [:], next: .end)
    }

    private mutating func runFail(
        _ frame: inout Frame,
        _ state: State,
        _ fail: FailState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = frame.rawInput.value
        let isJSONata = state.queryLanguage == .jsonata
        let error = try failText(fail.error, field: isJSONata ? "Error" : "ErrorPath", frame,
                                 state, input, inherited)
        let cause = try failText(fail.cause, field: isJSONata ? "Cause" : "CausePath", frame,
                                 state, input, inherited)
        frame.phase = .failed(WorkflowFailure(error: error ?? "", cause: cause))
    }

    private func failText(
        _ text: FailState.Text?,
        field: String,
        _ frame: Frame,
        _ state: State,
        _ input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> String? {
        switch text {
        case nil: return nil
        case .literal(let value): return value
        case .jsonata(let expression):
            return try jsonataText(expression, field: field, frame, state, inherited)
        case .path(let template):
            let value = try evaluateField(template, field: field, frame, state, input, inherited)
            guard case .string(let string) = value else {
                throw runtimeFailure(
                    frame,
                    "The \(field) field must resolve to a string, but it resolved to "
                        + "\(value.compactText)."
                )
            }
            return string
        }
    }

    private mutating func runChoice(
        _ frame: inout Frame,
        _ state: State,
        _ choice: ChoiceState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        if state.queryLanguage == .jsonata {
            try runJSONataChoice(&frame, state, choice, inherited)
            return
        }
        let input = try effectiveInput(frame, state, inherited)
        let scope = makeScope(frame, state, input: input, inherited)
        for branch in choice.choices where try matches(branch.rule, scope, frame) {
            let output = try applyOutputPath(frame, state, input, inherited)
            let assignments = try assignments(
                branch.assign ?? state.assign, frame, state, value: input, inherited
            )
            leave(&frame, state: state, output: output, assignments: assignments,
                  next: .next(branch.next))
            return
        }
        guard let defaultNext = choice.defaultNext else {
            throw WorkflowFailure(
                error: WorkflowFailure.Name.noChoiceMatched,
                cause: "No Matches!"
            )
        }
        let output = try applyOutputPath(frame, state, input, inherited)
        let assignments = try assignments(state.assign, frame, state, value: input, inherited)
        leave(&frame, state: state, output: output, assignments: assignments,
              next: .next(defaultNext))
    }

    private func matches(
        _ rule: ChoiceRule,
        _ scope: EvaluationScope,
        _ frame: Frame
    ) throws(WorkflowFailure) -> Bool {
        do {
            return try DataFlowBridge.evaluate(rule, in: scope)
        } catch {
            throw located(error, frame)
        }
    }

    private mutating func runWait(
        _ frame: inout Frame,
        _ state: State,
        _ wait: WaitState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = try effectiveInput(frame, state, inherited)
        let due = try waitDeadline(wait, frame, state, input: input, inherited)
        guard due > now else {
            try finishWait(&frame, state, inherited)
            return
        }
        let timerID = "wait:\(frame.id):\(frame.enteredEventID)"
        startTimer(id: timerID, fireAt: due)
        frame.phase = .awaitingTimer(timerID: timerID, purpose: .wait)
    }

    mutating func finishWait(
        _ frame: inout Frame,
        _ state: State,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        if state.queryLanguage == .jsonata {
            try finishJSONata(&frame, state, result: nil, inherited: inherited,
                              next: state.transition)
            return
        }
        let input = try effectiveInput(frame, state, inherited)
        let output = try applyOutputPath(frame, state, input, inherited)
        let assignments = try assignments(state.assign, frame, state, value: input, inherited)
        leave(&frame, state: state, output: output, assignments: assignments,
              next: state.transition)
    }

    private mutating func runTask(
        _ frame: inout Frame,
        _ state: State,
        _ task: TaskState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = try effectiveInput(frame, state, inherited)
        let token = task.resource.hasSuffix(".waitForTaskToken") ? makeTaskToken() : nil
        var parameters = input
        if let template = state.parameters {
            parameters = try evaluate(template, frame, state, input: input, inherited,
                                      taskToken: token)
        } else if state.queryLanguage == .jsonata {
            parameters = try jsonataArguments(frame, state, input: input, inherited,
                                              taskToken: token)
        }
        let timeout = try integer(task.timeoutSeconds, field: "TimeoutSeconds", frame, state,
                                  input: input, inherited)
        let heartbeat = try integer(task.heartbeatSeconds, field: "HeartbeatSeconds", frame,
                                    state, input: input, inherited)
        let taskID = "\(frame.id):\(frame.enteredEventID):\(frame.attempt)"
        let request = TaskRequest(
            taskID: taskID,
            stateName: state.name,
            resource: task.resource,
            input: parameters,
            stateInput: input,
            timeoutSeconds: timeout,
            heartbeatSeconds: heartbeat,
            attempt: frame.attempt,
            idempotencyKey: "\(checkpoint.info.executionID):\(frame.id):\(frame.enteredEventID)",
            token: token
        )
        var scheduled = JSONObject()
        scheduled["resource"] = .string(task.resource)
        scheduled["parameters"] = parameters
        if let timeout { scheduled["timeoutInSeconds"] = .number(JSONNumber(timeout)) }
        if let heartbeat { scheduled["heartbeatInSeconds"] = .number(JSONNumber(heartbeat)) }
        record("TaskScheduled", .object(scheduled))
        record("TaskStarted", ["resource": .string(task.resource)])
        startTask(request)
        if token != nil {
            // A callback task's deadlines are the engine's to keep: no process
            // runs that could enforce them.
            if let timeout {
                startTimer(id: Session.taskTimeoutTimerPrefix + taskID,
                           fireAt: now + Int64(timeout) * 1000)
            }
            if let heartbeat {
                startTimer(id: "\(Session.heartbeatTimerPrefix)\(now):\(taskID)",
                           fireAt: now + Int64(heartbeat) * 1000)
            }
        }
        frame.phase = .awaitingTask(taskID: taskID)
    }

    mutating func completeTask(
        _ frame: inout Frame,
        result: JSONValue,
        inherited: [String: JSONValue]
    ) {
        guard let state = currentState(of: frame) else { return }
        do throws(WorkflowFailure) {
            try complete(&frame, state, result: result, inherited: inherited)
        } catch {
            fail(&frame, with: error, inherited: inherited)
        }
    }

    mutating func timerFired(_ frame: inout Frame, inherited: [String: JSONValue]) {
        guard case .awaitingTimer(_, let purpose) = frame.phase,
            let state = currentState(of: frame)
        else { return }
        switch purpose {
        case .retry:
            frame.phase = .ready
        case .wait:
            do throws(WorkflowFailure) {
                try finishWait(&frame, state, inherited)
            } catch {
                fail(&frame, with: error, inherited: inherited)
            }
        }
    }

    /// The end of a state that produced a result: ResultSelector, ResultPath,
    /// OutputPath and Assign, then the transition.
    mutating func complete(
        _ frame: inout Frame,
        _ state: State,
        result: JSONValue,
        inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        guard result.compactText.utf8.count <= Interpreter.maximumPayloadBytes else {
            throw WorkflowFailure(
                error: WorkflowFailure.Name.dataLimitExceeded,
                cause: "The state/task '\(state.name)' returned a result with a size exceeding "
                    + "the maximum number of bytes service limit."
            )
        }
        if state.queryLanguage == .jsonata {
            try finishJSONata(&frame, state, result: result, inherited: inherited,
                              next: state.transition)
            return
        }
        var selected = result
        if let selector = state.resultSelector {
            selected = try evaluate(selector, frame, state, input: result, inherited,
                                    field: "ResultSelector")
        }
        let assignments = try assignments(state.assign, frame, state, value: selected, inherited)
        let combined = try applyResultPath(state.resultPath, frame, state, result: selected)
        let output = try applyOutputPath(frame, state, combined, inherited)
        leave(&frame, state: state, output: output, assignments: assignments,
              next: state.transition)
    }
}
