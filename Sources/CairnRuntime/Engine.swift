// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
public import CairnStorage
import Foundation

/// Runs the executions of one database: starts them, runs their tasks,
/// fires their timers and commits every transition before acting on it.
///
/// One engine owns a database at a time (see `DaemonLock`): `cairn serve`
/// runs one for as long as it lives, `cairn run` and `cairn start --wait`
/// run one until their execution ends. Work is leased from the store, so an
/// engine that dies leaves nothing behind that the next one cannot pick up.
///
/// ```swift
/// let engine = Engine(store: store, handlers: handlers)
/// let started = try await engine.start(workflow, input: ["rows": 10], claim: true)
/// try await engine.run(until: .executionEnds(started.record.id))
/// ```
public actor Engine {
    /// How an engine runs.
    public struct Configuration: Sendable {
        /// Names this engine's leases; unique per process.
        public var owner: String
        /// How many tasks may run at once.
        public var workers: Int
        /// How long a lease lasts before another engine may take the work.
        public var leaseDuration: Duration
        /// How often the engine looks for requests from other processes.
        public var pollInterval: Duration
        /// At most this many events go into one commit.
        public var batchLimit: Int
        /// Whether this engine runs tasks; one that only applies a request
        /// (a CLI command with no daemon around) leaves them for the next.
        public var runsTasks: Bool

        public init(
            owner: String = Engine.makeOwnerID(),
            workers: Int = 8,
            leaseDuration: Duration = .seconds(30),
            pollInterval: Duration = .milliseconds(200),
            batchLimit: Int = 512,
            runsTasks: Bool = true
        ) {
            self.owner = owner
            self.workers = max(1, workers)
            self.leaseDuration = leaseDuration
            self.pollInterval = pollInterval
            self.batchLimit = batchLimit
            self.runsTasks = runsTasks
        }
    }

    /// When `run(until:)` returns.
    public enum StopCondition: Sendable {
        /// When this execution has ended.
        case executionEnds(String)
        /// When no work is left that could ever become ready.
        case idle
        /// Only when the calling task is cancelled.
        case cancelled
    }

    /// What `start` did.
    public struct Started: Sendable {
        public var record: ExecutionRecord
        /// `false` when an execution with the same name and input existed.
        public var isNew: Bool
    }

    let store: any Store
    let handlers: TaskHandlers
    let clock: RuntimeClock
    let configuration: Configuration
    let observer: (any ExecutionObserver)?
    /// Interpreters of executions this engine has touched, by execution id.
    var loaded: [String: LoadedExecution] = [:]
    /// Tasks running now, by execution id and task id. The engine owns them:
    /// it cancels them when their execution stops and when it drains.
    var running: [WorkKey: Task<Void, Never>] = [:]
    /// Outcomes of tasks that finished since the loop last looked.
    var finished: [(WorkKey, TaskOutcome)] = []
    /// Wakes the loop when a task finishes.
    var wakeUp: CheckedContinuation<Void, Never>?
    /// Ends the loop's wait at the next due time; owned and cancelled by the loop.
    var sleeper: Task<Void, Never>?
    /// Counts the loop's waits, so that an old alarm cannot end a new wait.
    var sleepGeneration = 0
    /// Tasks this engine holds leases for but has no free worker for yet.
    var waitingForWorker: [(request: TaskRequest, executionID: String)] = []
    var lastLeaseRenewal: Int64 = 0
    /// When set, no new work is taken and the loop ends once tasks are done.
    var isDraining = false

    public init(
        store: any Store,
        handlers: TaskHandlers,
        clock: RuntimeClock = .system,
        configuration: Configuration = Configuration(),
        observer: (any ExecutionObserver)? = nil
    ) {
        self.store = store
        self.handlers = handlers
        self.clock = clock
        self.configuration = configuration
        self.observer = observer
    }

    /// A lease owner id: host, process and a random part.
    public static func makeOwnerID() -> String {
        let host = ProcessInfo.processInfo.hostName
        let random = UInt32.random(in: 0...UInt32.max)
        return "\(host):\(getpid()):\(String(random, radix: 16))"
    }

    struct WorkKey: Hashable, Sendable {
        var executionID: String
        var itemID: String
    }

    /// What the engine keeps about an execution it has touched.
    struct LoadedExecution {
        var interpreter: Interpreter
        var workflowName: String
        var directory: String
    }
}
