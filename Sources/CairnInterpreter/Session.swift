// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

/// One interpreter call's working state: the checkpoint being advanced and
/// the events and commands produced so far.
struct Session {
    let definition: StateMachine
    var checkpoint: Checkpoint
    let now: Int64
    var events: [HistoryEntry] = []
    var commands: [InterpreterCommand] = []
    /// A failure that ends the whole execution at once, whatever branch raised
    /// it: `States.Runtime` is neither retried nor caught.
    var fatalFailure: WorkflowFailure?

    init(definition: StateMachine, checkpoint: Checkpoint, now: Int64) {
        self.definition = definition
        self.checkpoint = checkpoint
        self.now = now
    }

    init(definition: StateMachine, info: ExecutionInfo, seed: UInt64, now: Int64) {
        let root = Frame(
            id: "root",
            machine: [],
            stateName: definition.startAt,
            rawInput: info.input,
            enteredEventID: 0,
            enteredAt: now,
            retryCounts: [],
            attempt: 1,
            phase: .pending,
            variables: [:],
            children: []
        )
        self.definition = definition
        self.checkpoint = Checkpoint(
            status: .running,
            info: info,
            nextEventID: 1,
            root: root,
            randomState: seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed,
            runningTasks: [:],
            pendingTimers: [:]
        )
        self.now = now
    }

    // MARK: - Entry points

    mutating func begin() {
        record("ExecutionStarted", ["input": checkpoint.info.input.value])
        if let timeout = definition.timeoutSeconds {
            startTimer(id: Session.executionTimeoutTimer, fireAt: now + Int64(timeout) * 1000)
        }
        var root = checkpoint.root
        enter(&root, state: definition.startAt, input: checkpoint.info.input.value)
        drive(&root, inherited: [:])
        checkpoint.root = root
        settle()
    }

    mutating func apply(_ event: InterpreterEvent) {
        guard !checkpoint.status.isTerminal else { return }
        switch event {
        case .taskSucceeded(let taskID, let output):
            guard let request = checkpoint.runningTasks.removeValue(forKey: taskID) else { return }
            cancelCallbackTimers(of: taskID)
            record("TaskSucceeded", ["resource": .string(request.resource), "output": output])
            updateFrame(where: { $0.phase == .awaitingTask(taskID: taskID) }) {
                session,
                frame,
                vars in
                session.completeTask(&frame, result: output, inherited: vars)
            }
        case .taskFailed(let taskID, let failure):
            guard let request = checkpoint.runningTasks.removeValue(forKey: taskID) else { return }
            cancelCallbackTimers(of: taskID)
            let type = failure.error == WorkflowFailure.Name.timeout ? "TaskTimedOut" : "TaskFailed"
            record(type, Session.failureDetails(failure, resource: request.resource))
            updateFrame(where: { $0.phase == .awaitingTask(taskID: taskID) }) {
                session,
                frame,
                vars in
                session.fail(&frame, with: failure, inherited: vars)
            }
        case .timerFired(let timerID):
            guard checkpoint.pendingTimers.removeValue(forKey: timerID) != nil else { return }
            if let (taskID, failure) = Session.callbackTimeout(timerID) {
                apply(.taskFailed(taskID: taskID, failure: failure))
                return
            }
            if timerID == Session.executionTimeoutTimer {
                endExecution(
                    .timedOut(
                        WorkflowFailure(
                            error: WorkflowFailure.Name.timeout,
                            cause: "The execution ran longer than its TimeoutSeconds."
                        )
                    )
                )
                return
            }
            updateFrame(where: { frame in
                if case .awaitingTimer(timerID, _) = frame.phase { return true }
                return false
            }) { session, frame, vars in
                session.timerFired(&frame, inherited: vars)
            }
        case .stop(let error, let cause):
            endExecution(.aborted(WorkflowFailure(error: error ?? "", cause: cause)))
            return
        case .taskRestarted(let taskID):
            guard let request = checkpoint.runningTasks[taskID] else { return }
            checkpoint.runningTasks[taskID]?.attempt += 1
            // Not an AWS event of its own: a second TaskStarted shows the
            // operator that the task runs again after its engine died.
            record("TaskStarted", [
                "resource": .string(request.resource),
                "attempt": .number(JSONNumber(request.attempt + 1)),
                "restarted": true,
            ])
            updateFrame(where: { $0.phase == .awaitingTask(taskID: taskID) }) { _, frame, _ in
                frame.attempt += 1
            }
            return
        case .taskHeartbeat(let taskID):
            guard let request = checkpoint.runningTasks[taskID],
                let seconds = request.heartbeatSeconds, request.waitsForCallback
            else { return }
            cancelCallbackTimers(of: taskID, keepingTimeout: true)
            startTimer(
                id: "\(Session.heartbeatTimerPrefix)\(now):\(taskID)",
                fireAt: now + Int64(seconds) * 1000
            )
            return
        }
        settle()
    }

    static let executionTimeoutTimer = "execution-timeout"
    static let taskTimeoutTimerPrefix = "task-timeout:"
    static let heartbeatTimerPrefix = "task-heartbeat:"

    /// The task and failure a callback task's timeout or heartbeat timer stands for.
    static func callbackTimeout(_ timerID: String) -> (String, WorkflowFailure)? {
        if timerID.hasPrefix(taskTimeoutTimerPrefix) {
            let taskID = String(timerID.dropFirst(taskTimeoutTimerPrefix.count))
            return (
                taskID,
                WorkflowFailure(
                    error: WorkflowFailure.Name.timeout,
                    cause: "The task did not report success or failure within its TimeoutSeconds."
                )
            )
        }
        if timerID.hasPrefix(heartbeatTimerPrefix) {
            // The id is `task-heartbeat:<time>:<task id>`, unique per heartbeat.
            let rest = timerID.dropFirst(heartbeatTimerPrefix.count)
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            return (
                String(rest[rest.index(after: colon)...]),
                WorkflowFailure(
                    error: WorkflowFailure.Name.heartbeatTimeout,
                    cause: "The task sent no heartbeat within its HeartbeatSeconds."
                )
            )
        }
        return nil
    }

    /// Drops the timeout and heartbeat timers of a callback task that ended.
    mutating func cancelCallbackTimers(of taskID: String, keepingTimeout: Bool = false) {
        for timerID in checkpoint.pendingTimers.keys.sorted() {
            let isHeartbeat =
                timerID.hasPrefix(Session.heartbeatTimerPrefix)
                && timerID.hasSuffix(":" + taskID)
            let isTimeout = timerID == Session.taskTimeoutTimerPrefix + taskID
            guard isHeartbeat || (isTimeout && !keepingTimeout) else { continue }
            checkpoint.pendingTimers.removeValue(forKey: timerID)
            commands.append(.cancelTimer(id: timerID))
        }
    }

    // MARK: - Driving frames

    /// Runs `frame` until it waits or finishes.
    mutating func drive(_ frame: inout Frame, inherited: [String: JSONValue]) {
        while fatalFailure == nil {
            if checkpoint.nextEventID > Interpreter.maximumHistoryEvents {
                fatalFailure = WorkflowFailure(
                    error: WorkflowFailure.Name.runtime,
                    cause: "The execution reached the limit of "
                        + "\(Interpreter.maximumHistoryEvents) history events."
                )
                return
            }
            switch frame.phase {
            case .ready:
                runState(&frame, inherited: inherited)
            case .awaitingChildren:
                guard driveChildren(&frame, inherited: inherited) else { return }
            default:
                return
            }
        }
    }

    /// Finds the frame `matches` picks, lets `body` change it, then drives
    /// the whole tree so that parents see their children's progress.
    mutating func updateFrame(
        where matches: (Frame) -> Bool,
        _ body: (inout Session, inout Frame, [String: JSONValue]) -> Void
    ) {
        var root = checkpoint.root
        _ = visit(&root, inherited: [:], matches: matches, body: body)
        drive(&root, inherited: [:])
        checkpoint.root = root
    }

    private mutating func visit(
        _ frame: inout Frame,
        inherited: [String: JSONValue],
        matches: (Frame) -> Bool,
        body: (inout Session, inout Frame, [String: JSONValue]) -> Void
    ) -> Bool {
        if matches(frame) {
            body(&self, &frame, inherited)
            return true
        }
        let scope = Session.merge(inherited, frame.variables)
        for index in frame.children.indices
        where visit(&frame.children[index], inherited: scope, matches: matches, body: body) {
            return true
        }
        return false
    }

    static func merge(
        _ inherited: [String: JSONValue],
        _ own: [String: StoredJSON]
    ) -> [String: JSONValue] {
        guard !own.isEmpty else { return inherited }
        var merged = inherited
        for (name, value) in own { merged[name] = value.value }
        return merged
    }

    // MARK: - Ending

    /// Turns the root frame's end, or a fatal failure, into the execution's end.
    mutating func settle() {
        if let fatalFailure {
            endExecution(.failed(fatalFailure))
            return
        }
        switch checkpoint.root.phase {
        case .succeeded(let output): endExecution(.succeeded(output: output))
        case .failed(let failure): endExecution(.failed(failure))
        default: break
        }
    }

    mutating func endExecution(_ status: Checkpoint.Status) {
        guard !checkpoint.status.isTerminal else { return }
        switch status {
        case .succeeded(let output): record("ExecutionSucceeded", ["output": output.value])
        case .failed(let failure): record("ExecutionFailed", Session.failureDetails(failure))
        case .timedOut(let failure): record("ExecutionTimedOut", Session.failureDetails(failure))
        case .aborted(let failure): record("ExecutionAborted", Session.failureDetails(failure))
        case .running: return
        }
        for taskID in checkpoint.runningTasks.keys.sorted() {
            commands.append(.cancelTask(taskID: taskID))
        }
        checkpoint.runningTasks.removeAll()
        checkpoint.pendingTimers.removeAll()
        checkpoint.status = status
    }

    func finish() -> InterpreterStep {
        InterpreterStep(checkpoint: checkpoint, events: events, commands: commands)
    }

    // MARK: - History and commands

    @discardableResult
    mutating func record(_ type: String, _ details: JSONValue) -> Int {
        let id = checkpoint.nextEventID
        checkpoint.nextEventID += 1
        events.append(
            HistoryEntry(
                id: id,
                previousEventID: id - 1,
                timestamp: now,
                type: type,
                details: details
            )
        )
        return id
    }

    static func failureDetails(_ failure: WorkflowFailure, resource: String? = nil) -> JSONValue {
        var details = JSONObject()
        if let resource { details["resource"] = .string(resource) }
        details["error"] = .string(failure.error)
        if let cause = failure.cause { details["cause"] = .string(cause) }
        return .object(details)
    }

    mutating func startTimer(id: String, fireAt: Int64) {
        checkpoint.pendingTimers[id] = fireAt
        commands.append(.startTimer(id: id, fireAt: fireAt))
    }

    mutating func startTask(_ request: TaskRequest) {
        checkpoint.runningTasks[request.taskID] = request
        commands.append(.runTask(request))
    }

    /// Cancels every task and timer that `frame` or its descendants wait for.
    mutating func abandon(_ frame: Frame) {
        switch frame.phase {
        case .awaitingTask(let taskID):
            if checkpoint.runningTasks.removeValue(forKey: taskID) != nil {
                commands.append(.cancelTask(taskID: taskID))
                cancelCallbackTimers(of: taskID)
            }
        case .awaitingTimer(let timerID, _):
            checkpoint.pendingTimers.removeValue(forKey: timerID)
        default:
            break
        }
        for child in frame.children { abandon(child) }
    }

    /// A number in [0, 1) from the checkpoint's generator.
    mutating func nextRandom() -> Double {
        Double(nextRandomBits() >> 11) / Double(UInt64(1) << 53)
    }

    /// 64 random bits from the checkpoint's generator (SplitMix64).
    mutating func nextRandomBits() -> UInt64 {
        checkpoint.randomState &+= 0x9E37_79B9_7F4A_7C15
        var z = checkpoint.randomState
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A fresh callback token: 128 bits from the generator, as hex.
    mutating func makeTaskToken() -> String {
        [nextRandomBits(), nextRandomBits()].map { bits in
            let hex = String(bits, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
