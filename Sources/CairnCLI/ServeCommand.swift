// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnTriggers
import Dispatch
import Foundation

/// `cairn serve`: the long-running engine of a database.
struct ServeCommand: Command {
    enum LogFormat: String, CaseIterable, ArgumentValue {
        case text
        case json
    }

    static let workflows = Argument.option(
        "--workflows",
        valueName: "dir",
        default: "Workflows",
        help: "The folder of workflow files to load and check at start."
    )
    static let workers = Argument.option(
        "--workers",
        valueName: "n",
        default: 8,
        help: "How many tasks may run at once."
    )
    static let logFormat = Argument.option(
        "--log-format",
        valueName: "format",
        default: LogFormat.text,
        help: "One line per execution event on stderr, as text or JSON."
    )
    static let gracePeriod = Argument.option(
        "--grace-period",
        valueName: "seconds",
        default: 10,
        help: "On SIGTERM or SIGINT, how long running tasks may finish before they are ended."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "serve",
            abstract: "Run every execution of a database, now and as they are started.",
            discussion: """
                Picks up executions that were queued or interrupted (a task that was running \
                when its process died runs again with a higher attempt number), fires \
                timers, and applies stop, redrive and callback requests from other cairn \
                commands. Only one daemon runs per database. SIGTERM or SIGINT stops it \
                cleanly: no new work, a grace period for running tasks, then their process \
                groups are ended and they run again on the next start.
                """,
            arguments: [
                Self.workflows, Self.workers, Self.logFormat, Self.gracePeriod,
                DatabaseLocation.option,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let workers = invocation[Self.workers]
        guard workers > 0 else { throw CommandUsageError("'--workers' must be at least 1") }
        let host = try EngineHost(DatabaseLocation(invocation))
        guard host.ownsExecutions else {
            let pid = DaemonLock.holder(databasePath: host.database.path).map { " (pid \($0))" }
            throw CommandFailure(
                "another cairn process\(pid ?? "") already runs the executions of "
                    + "\(host.database.path)"
            )
        }
        let log = EventLog(format: invocation[Self.logFormat])
        let directory = invocation[Self.workflows]
        checkWorkflows(in: directory, log: log)
        let clock = try ServeCommand.clock()
        let engine = host.makeEngine(observer: log, workers: workers, clock: clock)
        let (triggers, problems) = WorkflowTriggers.load(from: directory)
        for problem in problems { log.warning("triggers not loaded", ["cairn.problem": problem]) }
        let service = TriggerService(
            engine: engine,
            store: host.store,
            triggers: triggers,
            clock: clock,
            log: { message, metadata in log.notice(message, metadata) }
        )
        log.notice(
            "cairn serve started",
            [
                "cairn.db": host.database.path, "cairn.triggers": String(triggers.count),
            ]
        )
        let grace = Duration.seconds(invocation[Self.gracePeriod])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await service.run() }
            let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) {
                log.notice("stopping: no new work; running tasks get a grace period", [:])
                Task { await engine.drain(grace: grace) }
            }
            defer { signals.cancel() }
            try await engine.run(until: .cancelled)
            group.cancelAll()
        }
        log.notice("cairn serve stopped", [:])
        return 0
    }

    /// The wall clock, or for tests a clock that starts at `CAIRN_CLOCK_START`
    /// (RFC 3339) and runs at the normal pace from there.
    static func clock() throws -> RuntimeClock {
        guard let start = ProcessInfo.processInfo.environment["CAIRN_CLOCK_START"],
            !start.isEmpty
        else { return .system }
        guard let date = ScheduleTimestamp.parse(start) else {
            throw CommandUsageError("CAIRN_CLOCK_START is not an RFC 3339 time: '\(start)'")
        }
        let offset =
            Int64((date.timeIntervalSince1970 * 1000).rounded())
            - RuntimeClock.system.now()
        return RuntimeClock(
            now: { RuntimeClock.system.now() + offset },
            sleepUntil: { deadline in try await RuntimeClock.system.sleepUntil(deadline - offset) }
        )
    }

    /// Reports each workflow file under `directory` that does not load, so an
    /// operator sees a broken definition at start rather than at its first run.
    private func checkWorkflows(in directory: String, log: EventLog) {
        guard let files = WorkflowTriggers.files(in: directory) else {
            log.warning("no workflow folder: no triggers will fire", ["cairn.workflows": directory])
            return
        }
        for path in files {
            for problem in ValidateCommand.problems(in: path) {
                log.warning(
                    "workflow file is invalid",
                    ["cairn.workflow.file": path, "cairn.problem": problem.description]
                )
            }
        }
    }
}

/// Calls a handler when the process receives one of the given signals.
final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
