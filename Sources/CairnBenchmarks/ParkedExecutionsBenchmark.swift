// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnSQLite
import CairnStorage
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Many executions parked in Wait states: the memory of the engine that
/// started them, the memory of a `cairn serve` restarted on them, and how long
/// that restart takes until the engine works again.
///
/// The parking engine runs in a child process (this program started again
/// with `childFlag`), so that its peak memory is its own and not that of the
/// benchmarks before it.
struct ParkedExecutionsBenchmark {
    static let childFlag = "--park-child"
    static let sentinelName = "sentinel"

    struct ChildReport {
        var peakKilobytes: Int
        var startElapsed: Duration
    }

    struct RestartReport {
        var untilWorking: Duration
        var peakKilobytes: Int
        var residentKilobytes: Int
        var parkedTimers: Int
    }

    let lab: BenchmarkLab
    let count: Int

    // MARK: - Parent side

    /// Parks `count` executions in a child process and returns its report and
    /// the database's path.
    func park() throws -> (ChildReport, String) {
        let database = lab.newDatabasePath("parked")
        let child = try ChildProcess(
            ChildProcess.selfExecutable,
            [Self.childFlag, database, String(count)],
            errorLog: "\(lab.root)/park-child.log"
        )
        let (status, output) = child.finish()
        guard status == 0,
            let line = output.split(separator: "\n").last,
            let printed = try? JSONValue(parsing: String(line), file: "child"),
            let peak = printed["peakKilobytes"]?.numberValue?.int64Value,
            let milliseconds = printed["startMilliseconds"]?.numberValue?.int64Value
        else {
            throw BenchmarkFailure("the parking child failed (\(status)): \(output)")
        }
        let report = ChildReport(
            peakKilobytes: Int(peak),
            startElapsed: .milliseconds(milliseconds)
        )
        return (report, database)
    }

    /// Starts `cairn serve` on the parked database and times it from spawn
    /// until its first timer (the sentinel's, due since before the start) has
    /// fired and been committed: recovery and the first pass over the work
    /// queue are then done. Its memory is read a moment later.
    func restart(cairn: String, database: String) async throws -> RestartReport {
        let clock = ContinuousClock()
        let started = clock.now
        let serve = try ChildProcess(
            cairn,
            ["serve", "--db", database, "--workflows", "\(lab.root)/no-workflows"],
            errorLog: "\(lab.root)/serve.log"
        )
        defer {
            kill(serve.pid, SIGTERM)
            _ = serve.finish()
        }
        let statusQuery = "SELECT COUNT(*) FROM executions WHERE name = '\(Self.sentinelName)' "
            + "AND status = 'SUCCEEDED'"
        while try BenchmarkLab.count(statusQuery, in: database) == 0 {
            guard clock.now - started < .seconds(120), serve.process.isRunning else {
                throw BenchmarkFailure("cairn serve did not fire the sentinel's timer")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        let untilWorking = clock.now - started
        try await Task.sleep(for: .milliseconds(500))
        let pid = String(serve.pid)
        return RestartReport(
            untilWorking: untilWorking,
            peakKilobytes: ProcessMemory.peakKilobytes(pid) ?? 0,
            residentKilobytes: ProcessMemory.residentKilobytes(pid) ?? 0,
            parkedTimers: try BenchmarkLab.count(
                "SELECT COUNT(*) FROM work_items WHERE kind = 'timer'",
                in: database
            )
        )
    }

    /// The cost of the queries an engine makes on every pass of its loop
    /// (`nextDueTime` and `dueWork`) with the parked executions in the store.
    func passQueryCost(database: String) throws -> Duration {
        let store = try SQLiteStore(path: database)
        let rounds = 200
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<rounds {
            _ = try store.nextDueTime()
            _ = try store.dueWork(at: Date(), limit: 512)
        }
        return (clock.now - started) / rounds
    }

    // MARK: - Child side

    /// Parks `count` executions through one engine, then prints its peak
    /// memory as JSON and waits until the sentinel's timer is due.
    static func runChild(database: String, count: Int) async throws {
        let store = try SQLiteStore(path: database, options: .init(synchronous: .full))
        let engine = BenchmarkLab.makeEngine(store: store)
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent().path
        let parked = try workflow("parked", BenchmarkWorkflows.parked, in: folder)
        let sentinel = try workflow("sentinel", BenchmarkWorkflows.sentinel, in: folder)

        let clock = ContinuousClock()
        let sentinelStarted = clock.now
        _ = try await engine.start(sentinel, input: [:], name: sentinelName, claim: true)
        let started = clock.now
        for _ in 0..<count {
            _ = try await engine.start(parked, input: [:], claim: true)
        }
        let elapsed = clock.now - started
        let report: JSONValue = [
            "peakKilobytes": .number(JSONNumber(ProcessMemory.peakKilobytes() ?? 0)),
            "startMilliseconds": .number(JSONNumber(Int(elapsed.seconds * 1000))),
        ]
        print(report.compactText)
        // A restarted engine must find the sentinel's timer due at once.
        let due = sentinelStarted + .milliseconds(1100)
        if clock.now < due { try await Task.sleep(until: due, clock: clock) }
    }

    private static func workflow(
        _ name: String,
        _ text: String,
        in folder: String
    ) throws -> Workflow {
        let path = "\(folder)/\(name).yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try WorkflowLoader.decode(text: text, file: path)
    }
}
