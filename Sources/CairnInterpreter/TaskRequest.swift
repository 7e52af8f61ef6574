// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

/// A task the interpreter wants run: the runtime hands it to the handler for
/// its resource and reports back with the same `taskID`.
public struct TaskRequest: Sendable, Hashable, Codable {
    /// Identifies this attempt; the result must come back with it.
    public var taskID: String
    public var stateName: String
    /// The `Resource` string as written in the definition.
    public var resource: String
    /// The task's input: the state input after `InputPath` and `Parameters`.
    public var input: StoredJSON
    /// The state input after `InputPath` alone, before `Parameters`.
    public var stateInput: StoredJSON
    public var timeoutSeconds: Int?
    public var heartbeatSeconds: Int?
    /// 1 for the first attempt, one higher for each retry or rerun after a crash.
    public var attempt: Int
    /// The same for every attempt of one state entry, so a task can make its
    /// effects happen once.
    public var idempotencyKey: String
    /// The callback token of a `.waitForTaskToken` task (`$$.Task.Token`); the
    /// task ends when someone reports success or failure with it.
    public var token: String?

    public init(
        taskID: String,
        stateName: String,
        resource: String,
        input: JSONValue,
        stateInput: JSONValue,
        timeoutSeconds: Int?,
        heartbeatSeconds: Int?,
        attempt: Int,
        idempotencyKey: String,
        token: String? = nil
    ) {
        self.taskID = taskID
        self.stateName = stateName
        self.resource = resource
        self.input = StoredJSON(input)
        self.stateInput = StoredJSON(stateInput)
        self.timeoutSeconds = timeoutSeconds
        self.heartbeatSeconds = heartbeatSeconds
        self.attempt = attempt
        self.idempotencyKey = idempotencyKey
        self.token = token
    }

    /// Whether the task waits for a callback rather than for its handler.
    public var waitsForCallback: Bool { token != nil }
}

/// What the interpreter asks the runtime to do after a step.
public enum InterpreterCommand: Sendable, Hashable {
    /// Start a task and report its outcome with `InterpreterEvent.taskSucceeded`
    /// or `.taskFailed`.
    case runTask(TaskRequest)
    /// Report `InterpreterEvent.timerFired(id)` at or after `fireAt`
    /// (milliseconds since the epoch).
    case startTimer(id: String, fireAt: Int64)
    /// A task that is no longer wanted (its branch failed, the execution
    /// stopped); the runtime should end it.
    case cancelTask(taskID: String)
    /// A timer that is no longer wanted.
    case cancelTimer(id: String)
}

/// Something that happened outside the interpreter.
public enum InterpreterEvent: Sendable, Hashable {
    case taskSucceeded(taskID: String, output: JSONValue)
    case taskFailed(taskID: String, failure: WorkflowFailure)
    case timerFired(id: String)
    /// An operator stopped the execution.
    case stop(error: String?, cause: String?)
    /// A task's owner died while it ran and it starts again: same idempotency
    /// key, attempt number one higher.
    case taskRestarted(taskID: String)
    /// A callback task said it is still alive (`cairn task heartbeat`).
    case taskHeartbeat(taskID: String)
}
