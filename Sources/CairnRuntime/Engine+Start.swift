// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition
public import CairnInterpreter
public import CairnStorage
import Foundation

extension Engine {
    /// Starts an execution of `workflow` and stores its first step.
    ///
    /// A name is unique per workflow: starting the same name with the same
    /// input again returns the existing execution, as Step Functions does;
    /// with a different input it is an error.
    ///
    /// - Parameters:
    ///   - claim: Whether this engine will run the execution's first tasks
    ///     itself; otherwise they wait in the store for whoever runs next.
    ///   - parentExecutionID: The execution that started this one, if any.
    /// - Throws: `CairnRuntimeError` with code `nameTaken`, or the store's error.
    public func start(
        _ workflow: Workflow,
        input: JSONValue,
        name: String? = nil,
        claim: Bool,
        parentExecutionID: String? = nil,
        parentTask: ParentTask? = nil
    ) throws -> Started {
        if let name, let existing = try store.execution(workflow: workflow.name, name: name) {
            guard existing.input == input else {
                throw CairnRuntimeError(
                    code: .nameTaken,
                    message: "workflow '\(workflow.name)' already has an execution named "
                        + "'\(name)' (\(existing.id)) with a different input"
                )
            }
            return Started(record: existing, isNew: false)
        }
        let prepared = try prepare(
            workflow,
            input: input,
            name: name,
            claim: claim,
            parentExecutionID: parentExecutionID,
            parentTask: parentTask
        )
        try store.createExecution(
            prepared.record,
            events: prepared.events,
            checkpoint: prepared.checkpoint,
            work: prepared.work
        )
        announce(prepared, claim: claim)
        return Started(record: prepared.record, isNew: true)
    }

    /// Starts an execution for a trigger, storing it with the trigger's fire
    /// (and a file drop's identity) in one transaction.
    ///
    /// - Returns: The execution, or `nil` when the file drop's content had
    ///   fired before and nothing was stored.
    public func startTriggered(
        _ workflow: Workflow,
        input: JSONValue,
        fire: TriggerFire,
        fileDrop: FileDropRecord?
    ) throws -> ExecutionRecord? {
        let prepared = try prepare(
            workflow,
            input: input,
            name: nil,
            claim: configuration.runsTasks
        )
        var fire = fire
        fire.executionID = prepared.record.id
        fire.outcome = .started
        let stored = try store.recordTriggerFire(
            fire,
            execution: (prepared.record, prepared.events, prepared.checkpoint, prepared.work),
            fileDrop: fileDrop
        )
        guard stored else {
            loaded[prepared.record.id] = nil
            return nil
        }
        announce(prepared, claim: configuration.runsTasks)
        return prepared.record
    }

    /// A new execution's first step, ready to store.
    struct PreparedStart {
        var record: ExecutionRecord
        var events: [HistoryEvent]
        var checkpoint: JSONValue
        var work: [WorkItem]
        var entries: [HistoryEntry]
        var commands: [InterpreterCommand]
    }

    private func prepare(
        _ workflow: Workflow,
        input: JSONValue,
        name: String?,
        claim: Bool,
        parentExecutionID: String? = nil,
        parentTask: ParentTask? = nil
    ) throws -> PreparedStart {
        let id = UUID().uuidString.lowercased()
        let now = clock.now()
        let info = ExecutionInfo(
            executionID: id,
            executionName: name ?? id,
            stateMachineName: workflow.name,
            input: input,
            startTime: now,
            parentTask: parentTask
        )
        let interpreter = Interpreter(definition: workflow.definition)
        let step = interpreter.start(info: info, seed: UInt64.random(in: 1...UInt64.max), now: now)
        // Stored absolute, so a redrive from another folder finds the same
        // working directory.
        let file =
            workflow.file.hasPrefix("/")
            ? workflow.file
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                .appendingPathComponent(workflow.file).standardized.path
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        loaded[id] = LoadedExecution(
            interpreter: interpreter,
            workflowName: workflow.name,
            directory: directory
        )
        let outcome = TransitionBuilder.outcome(
            of: step.checkpoint,
            stoppedAt: step.events.last?.timestamp ?? now
        )
        let record = ExecutionRecord(
            id: id,
            name: name ?? id,
            workflowName: workflow.name,
            workflowFilePath: file,
            definition: workflow.definitionValue,
            definitionSHA256: TransitionBuilder.definitionHash(workflow.definitionValue),
            status: outcome.status,
            input: input,
            output: outcome.output,
            error: outcome.error,
            cause: outcome.cause,
            startedAt: TransitionBuilder.date(now),
            stoppedAt: outcome.stoppedAt,
            parentExecutionID: parentExecutionID
        )
        let work = try TransitionBuilder.work(
            of: step.commands,
            executionID: id,
            now: now,
            claimedBy: claim ? configuration.owner : nil,
            leaseUntil: now + leaseMilliseconds
        )
        return PreparedStart(
            record: record,
            events: step.events.map(TransitionBuilder.event),
            checkpoint: try TransitionBuilder.encode(step.checkpoint),
            work: outcome.status == .running ? work.added : [],
            entries: step.events,
            commands: step.commands
        )
    }

    private func announce(_ prepared: PreparedStart, claim: Bool) {
        observer?.recorded(prepared.entries, executionID: prepared.record.id)
        if claim, prepared.record.status == .running {
            launchTasks(in: prepared.commands, executionID: prepared.record.id)
        }
    }

    var leaseMilliseconds: Int64 {
        let (seconds, attoseconds) = configuration.leaseDuration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
