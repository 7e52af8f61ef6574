// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition
import CairnInterpreter
import Foundation

/// Runs one execution in the foreground, from start to end, storing each
/// transition before acting on it.
///
/// ```swift
/// let runner = ExecutionRunner(journal: store, handlers: handlers)
/// let summary = try await runner.run(workflow, input: ["dataset": "data/iris.csv"])
/// ```
public struct ExecutionRunner: Sendable {
    public var journal: any ExecutionJournal
    public var handlers: TaskHandlers
    public var clock: RuntimeClock
    public var observer: (any ExecutionObserver)?
    public var makeID: @Sendable () -> String
    public var makeSeed: @Sendable () -> UInt64

    public init(
        journal: any ExecutionJournal,
        handlers: TaskHandlers,
        clock: RuntimeClock = .system,
        observer: (any ExecutionObserver)? = nil,
        makeID: @escaping @Sendable () -> String = ExecutionRunner.randomID,
        makeSeed: @escaping @Sendable () -> UInt64 = { UInt64.random(in: 1...UInt64.max) }
    ) {
        self.journal = journal
        self.handlers = handlers
        self.clock = clock
        self.observer = observer
        self.makeID = makeID
        self.makeSeed = makeSeed
    }

    /// A new random execution id, a lower-case UUID.
    @Sendable
    public static func randomID() -> String {
        UUID().uuidString.lowercased()
    }

    /// What finished while the execution waited.
    private enum Completion: Sendable {
        case task(id: String, outcome: TaskOutcome)
        case timer(id: String)
        case cancelled
    }

    /// Runs `workflow` on `input` until the execution ends.
    ///
    /// - Throws: the journal's error when a transition cannot be stored; the
    ///   execution then stays as its last stored transition left it.
    public func run(
        _ workflow: Workflow,
        input: JSONValue,
        name: String? = nil
    ) async throws -> ExecutionSummary {
        let id = makeID()
        let startedAt = clock.now()
        let info = ExecutionInfo(
            executionID: id,
            executionName: name ?? id,
            stateMachineName: workflow.name,
            input: input,
            startTime: startedAt
        )
        let interpreter = Interpreter(definition: workflow.definition)
        let first = interpreter.start(info: info, seed: makeSeed(), now: startedAt)
        try journal.begin(
            NewExecution(
                id: id,
                name: name ?? id,
                workflowName: workflow.name,
                workflowFile: workflow.file,
                definition: workflow.definitionValue,
                input: input,
                startedAt: startedAt
            ),
            step: first
        )
        observer?.recorded(first.events, executionID: id)
        let directory = URL(fileURLWithPath: workflow.file).deletingLastPathComponent().path
        let context = TaskContext(executionID: id, workflowName: workflow.name, directory: directory)
        let last = try await drive(interpreter, from: first, context: context)
        return summary(of: last, id: id, workflow: workflow.name, input: input)
    }

    private struct TaskContext: Sendable {
        var executionID: String
        var workflowName: String
        var directory: String
    }

    /// Carries out commands and feeds what finishes back to the interpreter
    /// until the execution ends.
    private func drive(
        _ interpreter: Interpreter,
        from first: InterpreterStep,
        context: TaskContext
    ) async throws -> InterpreterStep {
        try await withThrowingTaskGroup(of: Completion.self) { group in
            var step = first
            var abandoned: Set<String> = []
            while true {
                for command in step.commands {
                    start(command, in: &group, context: context, abandoned: &abandoned)
                }
                if step.checkpoint.status.isTerminal {
                    group.cancelAll()
                    return step
                }
                guard let completion = try await group.next() else {
                    throw CairnRuntimeError(
                        code: .stalled,
                        message: "the execution waits for nothing and cannot go on"
                    )
                }
                let event: InterpreterEvent
                switch completion {
                case .cancelled: continue
                case .timer(let id): event = .timerFired(id: id)
                case .task(let id, _) where abandoned.contains(id): continue
                case .task(let id, .success(let output)):
                    event = .taskSucceeded(taskID: id, output: output)
                case .task(let id, .failure(let failure)):
                    event = .taskFailed(taskID: id, failure: failure)
                }
                let now = clock.now()
                step = interpreter.handle(event, checkpoint: step.checkpoint, now: now)
                try journal.record(executionID: context.executionID, step: step, at: now)
                observer?.recorded(step.events, executionID: context.executionID)
            }
        }
    }

    private func start(
        _ command: InterpreterCommand,
        in group: inout ThrowingTaskGroup<Completion, any Error>,
        context: TaskContext,
        abandoned: inout Set<String>
    ) {
        switch command {
        case .runTask(let request):
            let invocation = TaskInvocation(
                request: request,
                executionID: context.executionID,
                workflowName: context.workflowName,
                workflowDirectory: context.directory
            )
            let handler = handlers.handler(for: request.resource)
            group.addTask {
                guard let handler else {
                    return .task(id: request.taskID, outcome: .failure(WorkflowFailure(
                        error: WorkflowFailure.Name.runtime,
                        cause: "Cairn has no handler for the resource '\(request.resource)'."
                    )))
                }
                return .task(id: request.taskID, outcome: await handler.run(invocation))
            }
        case .startTimer(let id, let fireAt):
            let clock = self.clock
            group.addTask {
                do {
                    try await clock.sleepUntil(fireAt)
                    return .timer(id: id)
                } catch {
                    return .cancelled
                }
            }
        case .cancelTask(let taskID):
            // TODO: a task abandoned by a failed Parallel branch runs to its end
            // and its result is dropped; it should be stopped at once.
            abandoned.insert(taskID)
        }
    }

    private func summary(
        of step: InterpreterStep,
        id: String,
        workflow: String,
        input: JSONValue
    ) -> ExecutionSummary {
        var summary = ExecutionSummary(
            executionID: id,
            workflow: workflow,
            status: ExecutionSummary.Status(step.checkpoint.status),
            startedAt: step.checkpoint.info.startTime,
            stoppedAt: step.events.last?.timestamp,
            input: input
        )
        switch step.checkpoint.status {
        case .succeeded(let output):
            summary.output = output.value
        case .failed(let failure), .timedOut(let failure), .aborted(let failure):
            summary.error = failure.error.isEmpty ? nil : failure.error
            summary.cause = failure.cause
        case .running:
            break
        }
        return summary
    }
}
