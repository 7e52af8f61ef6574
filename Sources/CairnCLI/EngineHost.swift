// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnInterpreter
import CairnRegistry
import CairnRuntime
import CairnStorage
import CairnTasks
import Foundation
import Synchronization

/// Sets up an engine over a database for the commands that run executions,
/// and knows whether this process may run them or a daemon already does.
struct EngineHost {
    let database: DatabaseLocation
    let store: SQLiteStore
    /// Held while this process owns the database's executions.
    let lock: DaemonLock?

    /// Opens the database and takes its lock when no other process holds it.
    init(_ database: DatabaseLocation) throws {
        self.database = database
        self.store = try database.open()
        self.lock = database.isMemory ? nil : try DaemonLock.acquire(databasePath: database.path)
    }

    /// Whether this process owns the executions (no daemon runs on the database).
    var ownsExecutions: Bool { database.isMemory || lock != nil }

    func makeEngine(
        observer: (any ExecutionObserver)? = nil,
        workers: Int = 8,
        runsTasks: Bool = true,
        clock: RuntimeClock = .system
    ) -> Engine {
        Engine(
            store: store,
            handlers: EngineHost.handlers(store: store, logDirectory: database.logDirectory),
            clock: clock,
            configuration: Engine.Configuration(
                workers: workers,
                runsTasks: runsTasks && ownsExecutions
            ),
            observer: observer
        )
    }

    /// The handlers of every built-in resource, sharing one store.
    static func handlers(store: any Store, logDirectory: String?) -> TaskHandlers {
        var handlers = TaskHandlers()
        handlers.register("cairn:exec", ExecTaskHandler(logDirectory: logDirectory))
        handlers.register("cairn:eval.gate", EvaluationGateHandler())
        for action in RegistryTaskHandler.Action.allCases {
            handlers.register(action.resource, RegistryTaskHandler(store: store, action: action))
        }
        return handlers
    }

    /// Runs the engine until the execution ends; SIGINT or SIGTERM stop it
    /// cleanly instead (running tasks are ended, their leases given back).
    ///
    /// - Returns: `false` when a signal interrupted the run.
    func run(_ engine: Engine, until executionID: String) async throws -> Bool {
        let interrupted = Mutex(false)
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) {
            interrupted.withLock { $0 = true }
            Task { await engine.drain(grace: .seconds(2)) }
        }
        defer { signals.cancel() }
        try await engine.run(until: .executionEnds(executionID))
        return !interrupted.withLock { $0 }
    }

    /// What to tell a person whose run was interrupted.
    static func interruptedMessage(_ executionID: String) -> String {
        "interrupted: execution \(executionID) stays RUNNING; 'cairn serve' on this database "
            + "continues it (its running task starts again)\n"
    }

    /// Leaves a request for the owner of the executions, and carries it out
    /// here at once when this process is the owner.
    func submit(_ request: ControlRequest, executionID: String) async throws {
        try request.post(to: store, executionID: executionID, at: Date())
        guard ownsExecutions else { return }
        try await makeEngine(runsTasks: false).run(until: .idle)
    }

    /// Follows an execution that another process runs, reporting its new
    /// history events, until it ends.
    func follow(
        _ executionID: String,
        observer: (any ExecutionObserver)?,
        after lastSeen: Int = 0
    ) async throws {
        var seen = lastSeen
        while true {
            let events = try store.history(executionID: executionID).filter { $0.id > seen }
            if let last = events.last {
                seen = last.id
                observer?.recorded(events.map(EngineHost.entry), executionID: executionID)
            }
            if try store.execution(id: executionID)?.status.isTerminal ?? true { return }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    static func entry(_ event: HistoryEvent) -> HistoryEntry {
        HistoryEntry(
            id: event.id,
            previousEventID: event.previousEventID,
            timestamp: Int64((event.timestamp.timeIntervalSince1970 * 1000).rounded()),
            type: event.type.rawValue,
            details: event.details
        )
    }
}
