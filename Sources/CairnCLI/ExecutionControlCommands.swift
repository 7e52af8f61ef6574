// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnRuntime
import CairnStorage
import Foundation

/// `cairn execution stop ID`.
struct ExecutionStopCommand: Command {
    static let error = Argument.option(
        "--error",
        valueName: "name",
        as: String.self,
        help: "The error the execution ends with."
    )
    static let cause = Argument.option(
        "--cause",
        valueName: "text",
        as: String.self,
        help: "Why it was stopped."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "stop",
            abstract: "Abort a running execution and end its running task's process group.",
            arguments: [Self.error, Self.cause, DatabaseLocation.option, ExecutionLookup.id]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let host = try EngineHost(DatabaseLocation(invocation).requireExisting())
        let record = try ExecutionLookup.find(invocation[ExecutionLookup.id], in: host.store)
        guard !record.status.isTerminal else {
            throw CommandFailure(
                "execution \(record.id) has already ended: \(record.status.rawValue)"
            )
        }
        try await host.submit(
            .stop(error: invocation[Self.error], cause: invocation[Self.cause]),
            executionID: record.id
        )
        invocation.terminal.write(ExecutionControl.outcome(of: record.id, host: host, "stopped"))
        return 0
    }
}

/// `cairn execution redrive ID`.
struct ExecutionRedriveCommand: Command {
    static let wait = Argument.flag(
        "--wait",
        help: "Run the execution to its end here (or follow the daemon that runs it)."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "redrive",
            abstract: "Continue a FAILED, TIMED_OUT or ABORTED execution from the state that "
                + "did not finish.",
            discussion: """
                The state runs again with the input it had; states that finished do not run \
                again. In a Map or Parallel state only the iterations and branches that did \
                not succeed run again.
                """,
            arguments: [DatabaseLocation.option, Self.wait, ExecutionLookup.id]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let host = try EngineHost(DatabaseLocation(invocation).requireExisting())
        let record = try ExecutionLookup.find(invocation[ExecutionLookup.id], in: host.store)
        guard [.failed, .timedOut, .aborted].contains(record.status) else {
            throw CommandFailure(
                "only a FAILED, TIMED_OUT or ABORTED execution can be redriven; "
                    + "\(record.id) is \(record.status.rawValue)"
            )
        }
        let shown = try host.store.history(executionID: record.id).count
        try await host.submit(.redrive, executionID: record.id)
        guard invocation[Self.wait] else {
            invocation.terminal.write(
                ExecutionControl.outcome(of: record.id, host: host, "redriven")
            )
            return 0
        }
        let printer = ProgressPrinter()
        if host.ownsExecutions {
            try await host.makeEngine(observer: printer).run(until: .executionEnds(record.id))
        } else {
            try await waitForRedrive(of: record, host: host)
            try await host.follow(record.id, observer: printer, after: shown)
        }
        let status = try host.store.execution(id: record.id)?.status ?? .failed
        invocation.terminal.write("\(status.rawValue) \(record.id)\n")
        return status == .succeeded ? 0 : 1
    }
}

/// Waits until the daemon has applied a redrive request.
private func waitForRedrive(of record: ExecutionRecord, host: EngineHost) async throws {
    for _ in 0..<150 {
        let current = try host.store.execution(id: record.id)
        if let current, current.redriveCount > record.redriveCount { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    throw CommandFailure(
        "the daemon on \(host.database.path) has not taken up the redrive of \(record.id) "
            + "within 15 seconds; see 'cairn execution watch \(record.id)'"
    )
}

/// `cairn execution watch ID`.
struct ExecutionWatchCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "watch",
            abstract: "Follow an execution live: its history so far, then each new event.",
            arguments: [DatabaseLocation.option, ExecutionLookup.id]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let store = try DatabaseLocation(invocation).openExisting()
        let record = try ExecutionLookup.find(invocation[ExecutionLookup.id], in: store)
        let host = try EngineHost(DatabaseLocation(invocation))
        let printer = ProgressPrinter { line in invocation.terminal.write(line + "\n") }
        try await host.follow(record.id, observer: printer)
        let status = try store.execution(id: record.id)?.status ?? .failed
        return status == .succeeded ? 0 : 1
    }
}

enum ExecutionControl {
    /// What became of a request: done here, or left for the daemon.
    static func outcome(of id: String, host: EngineHost, _ verb: String) -> String {
        guard host.ownsExecutions else {
            let pid = DaemonLock.holder(databasePath: host.database.path).map { " (pid \($0))" }
            return "asked the cairn process\(pid ?? "") that runs \(host.database.path): "
                + "\(id) is to be \(verb)\n"
        }
        let status = (try? host.store.execution(id: id)?.status.rawValue) ?? "unknown"
        return "\(id): \(status)\n"
    }
}

extension DatabaseLocation {
    /// This location, or a failure when no database exists there yet.
    func requireExisting() throws -> DatabaseLocation {
        _ = try openExisting()
        return self
    }
}
