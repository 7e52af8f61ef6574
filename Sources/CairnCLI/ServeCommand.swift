// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
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
        checkWorkflows(in: invocation[Self.workflows], log: log)
        let engine = host.makeEngine(observer: log, workers: workers)
        log.notice("cairn serve started", ["cairn.db": host.database.path])
        let grace = Duration.seconds(invocation[Self.gracePeriod])
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) {
            log.notice("stopping: no new work; running tasks get a grace period", [:])
            Task { await engine.drain(grace: grace) }
        }
        defer { signals.cancel() }
        try await engine.run(until: .cancelled)
        log.notice("cairn serve stopped", [:])
        return 0
    }

    /// Reports each workflow file under `directory` that does not load, so an
    /// operator sees a broken definition at start rather than at its first run.
    private func checkWorkflows(in directory: String, log: EventLog) {
        let url = URL(fileURLWithPath: directory)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            return
        }
        for file in files.sorted() where [".yaml", ".yml", ".json"].contains(where: file.hasSuffix) {
            let path = url.appendingPathComponent(file).path
            let problems = ValidateCommand.problems(in: path)
            for problem in problems {
                log.warning("workflow file is invalid", [
                    "cairn.workflow.file": path, "cairn.problem": problem.description,
                ])
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
