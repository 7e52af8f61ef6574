// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnStorage
import Foundation

/// One thing to apply to an execution in the next commit.
struct PendingChange {
    enum Kind {
        case event(InterpreterEvent)
        case redrive
    }

    var executionID: String
    /// `nil` for a request that needs no transition (it is only deleted).
    var kind: Kind?
    /// The work item this change consumes (a finished task, a fired timer).
    var consumedItem: String?
    /// The inbox message this change answers.
    var inboxID: Int64?
}

extension Engine {
    // MARK: - Committing

    /// Applies changes to their executions' checkpoints and commits all the
    /// resulting transitions in one transaction, then acts on their commands.
    ///
    /// - Returns: The new checkpoint of each execution that changed.
    @discardableResult
    func commit(_ changes: [PendingChange], now: Int64) throws -> [String: Checkpoint] {
        var order: [String] = []
        var grouped: [String: [PendingChange]] = [:]
        for change in changes {
            if grouped[change.executionID] == nil { order.append(change.executionID) }
            grouped[change.executionID, default: []].append(change)
        }
        var transitions: [ExecutionTransition] = []
        var steps: [(String, Checkpoint, [HistoryEntry], [InterpreterCommand])] = []
        var orphanedInbox: [Int64] = []
        for executionID in order {
            let changes = grouped[executionID] ?? []
            guard let built = try transition(for: executionID, changes, now: now) else {
                orphanedInbox += changes.compactMap(\.inboxID)
                continue
            }
            transitions.append(built.transition)
            steps.append((executionID, built.checkpoint, built.events, built.commands))
        }
        try commitEach(transitions)
        try store.deleteInbox(ids: orphanedInbox)
        var checkpoints: [String: Checkpoint] = [:]
        for (executionID, checkpoint, events, commands) in steps {
            checkpoints[executionID] = checkpoint
            observer?.recorded(events, executionID: executionID)
            act(on: commands, executionID: executionID, checkpoint: checkpoint)
        }
        return checkpoints
    }

    /// Commits a batch at once; when that fails, commits one at a time so
    /// that one bad transition does not hold back the others.
    private func commitEach(_ transitions: [ExecutionTransition]) throws {
        do {
            try store.commit(transitions)
        } catch  where transitions.count > 1 {
            for transition in transitions {
                try store.commit(transition)
            }
        }
    }

    private struct BuiltTransition {
        var transition: ExecutionTransition
        var checkpoint: Checkpoint
        var events: [HistoryEntry]
        var commands: [InterpreterCommand]
    }

    private func transition(
        for executionID: String,
        _ changes: [PendingChange],
        now: Int64
    ) throws -> BuiltTransition? {
        guard let execution = try load(executionID) else { return nil }
        var checkpoint = try TransitionBuilder.decodeCheckpoint(
            try store.checkpoint(executionID: executionID)
        )
        var events: [HistoryEntry] = []
        var commands: [InterpreterCommand] = []
        var isRedrive = false
        for change in changes {
            let step: InterpreterStep?
            switch change.kind {
            case .event(let event)?:
                step = execution.interpreter.handle(event, checkpoint: checkpoint, now: now)
            case .redrive?:
                step = execution.interpreter.redrive(checkpoint, now: now)
                isRedrive = isRedrive || step != nil
            case nil:
                step = nil
            }
            guard let step else { continue }
            checkpoint = step.checkpoint
            events += step.events
            commands += step.commands
        }
        let wasStopped = try store.execution(id: executionID)?.status.isTerminal ?? true
        if wasStopped, !isRedrive { return nil }
        let work = try TransitionBuilder.work(
            of: commands,
            executionID: executionID,
            now: now,
            claimedBy: configuration.runsTasks ? configuration.owner : nil,
            leaseUntil: now + leaseMilliseconds
        )
        let outcome = TransitionBuilder.outcome(
            of: checkpoint,
            stoppedAt: events.last?.timestamp ?? now
        )
        let transition = ExecutionTransition(
            executionID: executionID,
            events: events.map(TransitionBuilder.event),
            checkpoint: try TransitionBuilder.encode(checkpoint),
            status: outcome.status,
            output: outcome.output,
            error: outcome.error,
            cause: outcome.cause,
            stoppedAt: outcome.stoppedAt,
            isRedrive: isRedrive,
            addedWork: work.added,
            removedWork: changes.compactMap(\.consumedItem) + work.removed,
            consumedInbox: changes.compactMap(\.inboxID),
            notifications: [
                Engine.childEndedNotification(
                    checkpoint,
                    executionID: executionID,
                    outcome: outcome
                )
            ].compactMap { $0 }
        )
        return BuiltTransition(
            transition: transition,
            checkpoint: checkpoint,
            events: events,
            commands: commands
        )
    }

    /// The interpreter of an execution, decoded from the definition it was
    /// pinned to when it started.
    func load(_ executionID: String) throws -> LoadedExecution? {
        if let execution = loaded[executionID] { return execution }
        guard let record = try store.execution(id: executionID) else { return nil }
        let file = record.workflowFilePath ?? "<stored definition of \(executionID)>"
        let workflow = try WorkflowLoader.decode(
            value: record.definition,
            sourceMap: SourceMap(file: file)
        )
        let execution = LoadedExecution(
            interpreter: Interpreter(definition: workflow.definition),
            workflowName: record.workflowName,
            directory: URL(fileURLWithPath: file).deletingLastPathComponent().path
        )
        loaded[executionID] = execution
        return execution
    }

    // MARK: - Acting on commands

    private func act(
        on commands: [InterpreterCommand],
        executionID: String,
        checkpoint: Checkpoint
    ) {
        for command in commands {
            if case .cancelTask(let taskID) = command {
                running.removeValue(forKey: WorkKey(executionID: executionID, itemID: taskID))?
                    .cancel()
                waitingForWorker.removeAll {
                    $0.executionID == executionID && $0.request.taskID == taskID
                }
            }
        }
        if checkpoint.status.isTerminal {
            for key in running.keys where key.executionID == executionID {
                running.removeValue(forKey: key)?.cancel()
            }
            waitingForWorker.removeAll { $0.executionID == executionID }
            loaded[executionID] = nil
            return
        }
        if configuration.runsTasks {
            launchTasks(in: commands, executionID: executionID)
        }
    }

    func launchTasks(in commands: [InterpreterCommand], executionID: String) {
        for command in commands {
            if case .runTask(let request) = command { launch(request, executionID: executionID) }
        }
    }

    /// Leases tasks that wait in the store and starts them; a task leased
    /// before (its engine died) first gets its attempt number raised.
    @discardableResult
    func leaseAndLaunch(_ items: [WorkItem], now: Int64) throws -> Int {
        let room = max(0, configuration.workers - running.count)
        guard room > 0 else { return 0 }
        let leased = try store.lease(
            items.prefix(room).map { ($0.executionID, $0.itemID) },
            owner: configuration.owner,
            until: TransitionBuilder.date(now + leaseMilliseconds),
            now: TransitionBuilder.date(now)
        )
        let restarted = leased.filter { $0.leases > 1 }
        let checkpoints = try commit(
            restarted.map { item in
                PendingChange(
                    executionID: item.executionID,
                    kind: .event(.taskRestarted(taskID: item.itemID))
                )
            },
            now: now
        )
        for item in leased {
            let restartedRequest = checkpoints[item.executionID]?.runningTasks[item.itemID]
            let request = try restartedRequest ?? TransitionBuilder.decodeRequest(item.payload)
            launch(request, executionID: item.executionID)
        }
        return leased.count
    }

    private func launch(_ request: TaskRequest, executionID: String) {
        let key = WorkKey(executionID: executionID, itemID: request.taskID)
        guard running[key] == nil, let execution = loaded[executionID] ?? (try? load(executionID))
        else { return }
        // `--workers` bounds the processes at once; the rest keep their lease
        // and start as workers free up.
        guard running.count < configuration.workers else {
            waitingForWorker.append((request, executionID))
            return
        }
        let invocation = TaskInvocation(
            request: request,
            executionID: executionID,
            workflowName: execution.workflowName,
            workflowDirectory: execution.directory
        )
        if isWorkflowStart(request.resource) {
            startChild(request, executionID: executionID, directory: execution.directory)
            return
        }
        let handler = handlers.handler(for: request.resource)
        running[key] = Task { [weak self] in
            let outcome: TaskOutcome
            if let handler {
                outcome = await handler.run(invocation)
            } else if request.waitsForCallback {
                // Nothing to run: the task only waits for its callback.
                outcome = .success(.null)
            } else {
                outcome = .failure(
                    WorkflowFailure(
                        error: WorkflowFailure.Name.runtime,
                        cause: "Cairn has no handler for the resource '\(request.resource)'."
                    )
                )
            }
            await self?.taskFinished(key, outcome, waitsForCallback: request.waitsForCallback)
        }
    }

    private func taskFinished(_ key: WorkKey, _ outcome: TaskOutcome, waitsForCallback: Bool) {
        guard running.removeValue(forKey: key) != nil else { return }
        // A task ended by a shutdown did not fail: its lease goes back and it
        // runs again under the next engine.
        if isDraining { return }
        if !isDraining, !waitingForWorker.isEmpty {
            let next = waitingForWorker.removeFirst()
            launch(next.request, executionID: next.executionID)
        }
        // A callback task's handler only announces it; its success is the callback's.
        if waitsForCallback, case .success = outcome { return }
        finished.append((key, outcome))
        wake()
    }
}
