// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition
public import CairnInterpreter

/// Runs the tasks of one kind of `Resource`, such as `cairn:exec`.
public protocol TaskHandler: Sendable {
    /// Runs one attempt of a task.
    ///
    /// A handler reports a task's own failure as `.failure` with the error
    /// name Retry and Catch match; it never throws. When the surrounding Swift
    /// task is cancelled (the execution stopped), it ends its work promptly.
    func run(_ invocation: TaskInvocation) async -> TaskOutcome
}

/// Everything a handler needs for one attempt of a task.
public struct TaskInvocation: Sendable {
    public var request: TaskRequest
    /// The execution's id as the store knows it.
    public var executionID: String
    public var workflowName: String
    /// The folder of the workflow file, where relative paths start.
    public var workflowDirectory: String

    public init(
        request: TaskRequest,
        executionID: String,
        workflowName: String,
        workflowDirectory: String
    ) {
        self.request = request
        self.executionID = executionID
        self.workflowName = workflowName
        self.workflowDirectory = workflowDirectory
    }

    /// The task's input: the state input after InputPath and Parameters.
    public var input: JSONValue { request.input.value }
}

/// How an attempt of a task ended.
public enum TaskOutcome: Sendable, Hashable {
    case success(JSONValue)
    case failure(WorkflowFailure)
}

/// The handlers Cairn knows, by resource.
public struct TaskHandlers: Sendable {
    private var handlers: [String: any TaskHandler] = [:]

    public init() {}

    /// Registers `handler` for a resource such as `cairn:exec`; the resource's
    /// `.sync` form is served by the same handler.
    public mutating func register(_ resource: String, _ handler: any TaskHandler) {
        handlers[resource] = handler
    }

    /// The handler for a resource as written in a Task state.
    public func handler(for resource: String) -> (any TaskHandler)? {
        if let handler = handlers[resource] { return handler }
        for suffix in [".sync", ".waitForTaskToken"] where resource.hasSuffix(suffix) {
            return handlers[String(resource.dropLast(suffix.count))]
        }
        return nil
    }
}
