// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import Foundation

/// Every benchmark, in one run on one machine, with the issue's targets
/// checked against what was measured.
struct BenchmarkSuite {
    /// How much work each benchmark does.
    struct Sizes {
        var rawCommitDuration: Duration
        var passChainLength: Int
        var passExecutions: Int
        var execChainLength: Int
        var execExecutions: [Int: Int]
        var standardExecutions: Int
        var coldStarts: Int
        var parked: Int

        static let full = Sizes(
            rawCommitDuration: .seconds(3),
            passChainLength: 10,
            passExecutions: 1024,
            execChainLength: 5,
            execExecutions: [1: 40, 8: 160, 32: 256],
            standardExecutions: 1000,
            coldStarts: 11,
            parked: 10_000
        )

        static let quick = Sizes(
            rawCommitDuration: .milliseconds(500),
            passChainLength: 10,
            passExecutions: 128,
            execChainLength: 5,
            execExecutions: [1: 4, 8: 16, 32: 32],
            standardExecutions: 96,
            coldStarts: 3,
            parked: 500
        )
    }

    static let concurrencies = [1, 8, 32]
    static let memoryTargetKilobytes = 200 * 1024

    let sizes: Sizes
    private let report = BenchmarkReport()

    func run() async throws {
        let lab = try BenchmarkLab()
        defer { lab.remove() }
        try describeMachine(lab)
        let commitRate = try measureRawCommits(lab)
        let passRates = try await measurePassChains(lab, commitRate: commitRate)
        let execRates = try await measureExecChains(lab, commitRate: commitRate)
        try await measureStandardWorkload(lab)
        let cairn = ChildProcess.locateCairn()
        try measureColdStart(lab, cairn: cairn)
        let memory = try await measureParkedExecutions(lab, cairn: cairn)
        checkTargets(commitRate: commitRate, pass: passRates, exec: execRates, memory: memory)
        report.printSummary()
    }

    // MARK: - Sections

    private func describeMachine(_ lab: BenchmarkLab) throws {
        report.begin("Machine")
        let connection = try SQLiteConnection(path: ":memory:")
        let version = try connection.firstRow("SELECT sqlite_version()")?.decode(String.self, at: 0)
        report.add("processors", "\(ProcessInfo.processInfo.activeProcessorCount)")
        report.add("SQLite", version ?? "?", note: "WAL, synchronous=FULL, file in \(lab.root)")
        #if DEBUG
            report.remark("WARNING: a debug build; run with `swift run -c release` for figures")
        #endif
    }

    private func measureRawCommits(_ lab: BenchmarkLab) throws -> Double {
        report.begin("Raw SQLite: one INSERT per transaction, WAL, synchronous=FULL")
        let result = try CommitBenchmark(lab: lab).singleRowCommits(for: sizes.rawCommitDuration)
        report.add("single-row durable commits", Figure.rate(result.perSecond, "commits"),
                   note: "\(result.commits) commits")
        return result.perSecond
    }

    private func measurePassChains(
        _ lab: BenchmarkLab,
        commitRate: Double
    ) async throws -> [Int: Double] {
        let length = sizes.passChainLength
        report.begin("Engine: chain of \(length) Pass states (the whole chain is one commit)")
        let benchmark = TransitionBenchmark(lab: lab)
        var rates: [Int: Double] = [:]
        for concurrency in Self.concurrencies {
            let result = try await benchmark.passChain(
                length: length, executions: sizes.passExecutions, concurrency: concurrency
            )
            try requireAllSucceeded(result)
            rates[concurrency] = result.transitionsPerSecond
            report.add(
                "\(concurrency) concurrent: transitions",
                Figure.rate(result.transitionsPerSecond, "transitions"),
                note: "ratio to raw commits "
                    + Figure.ratio(result.transitionsPerSecond / commitRate)
                    + "; \(Figure.rate(result.executionsPerSecond, "executions"))"
            )
        }
        let single = try await benchmark.passChain(
            length: 1, executions: sizes.passExecutions / 2, concurrency: 1
        )
        try requireAllSucceeded(single)
        report.add(
            "1 Pass state per execution: transitions",
            Figure.rate(single.transitionsPerSecond, "transitions"),
            note: "ratio to raw commits " + Figure.ratio(single.transitionsPerSecond / commitRate)
        )
        return rates
    }

    private func measureExecChains(
        _ lab: BenchmarkLab,
        commitRate: Double
    ) async throws -> [Int: Double] {
        let length = sizes.execChainLength
        report.begin("Engine: chain of \(length) cairn:exec tasks (sh -c 'echo {}')")
        let benchmark = TransitionBenchmark(lab: lab)
        var rates: [Int: Double] = [:]
        for concurrency in Self.concurrencies {
            let result = try await benchmark.execChain(
                length: length,
                executions: sizes.execExecutions[concurrency] ?? concurrency,
                concurrency: concurrency
            )
            try requireAllSucceeded(result)
            rates[concurrency] = result.transitionsPerSecond
            report.add(
                "\(concurrency) concurrent: transitions",
                Figure.rate(result.transitionsPerSecond, "transitions"),
                note: "ratio to raw commits "
                    + Figure.ratio(result.transitionsPerSecond / commitRate)
                    + "; \(result.executions) executions"
            )
            let transitions = Double(max(1, result.transitions))
            report.add(
                "\(concurrency) concurrent: CPU per transition",
                "\(Figure.decimal(result.cpu.engine.seconds * 1000 / transitions, places: 2)) ms",
                note: "engine process; tasks' processes "
                    + Figure.decimal(result.cpu.children.seconds * 1000 / transitions, places: 2)
                    + " ms; \(ProcessInfo.processInfo.activeProcessorCount) processors"
            )
        }
        return rates
    }

    private func measureStandardWorkload(_ lab: BenchmarkLab) async throws {
        let count = sizes.standardExecutions
        report.begin("Standard workload: \(count) executions of 5 Pass states")
        for inFlight in [1, 8] {
            let result = try await StandardWorkload(lab: lab).run(
                executions: count,
                inFlight: inFlight
            )
            report.add("\(inFlight) at a time: executions",
                       Figure.rate(result.executionsPerSecond, "executions"))
            report.add("\(inFlight) at a time: steps", Figure.rate(result.stepsPerSecond, "steps"))
            report.add("\(inFlight) at a time: latency p50",
                       Figure.milliseconds(result.latencies.median))
            report.add("\(inFlight) at a time: latency p99",
                       Figure.milliseconds(result.latencies.percentile(0.99)))
        }
    }

    private func measureColdStart(_ lab: BenchmarkLab, cairn: String?) throws {
        report.begin("cairn run on a one-state workflow (process start to exit)")
        guard let cairn else {
            report.remark("skipped: no cairn binary beside the benchmark (build it with "
                + "`swift build -c release`) and no $CAIRN_BINARY")
            return
        }
        let result = try ColdStartBenchmark(lab: lab, cairn: cairn).run(times: sizes.coldStarts)
        report.add("cairn run, median of \(sizes.coldStarts)", Figure.milliseconds(result.run),
                   note: "durable database file")
        report.add("cairn --version, median", Figure.milliseconds(result.version),
                   note: "the cost of starting the binary alone")
    }

    private func measureParkedExecutions(
        _ lab: BenchmarkLab,
        cairn: String?
    ) async throws -> [Int] {
        let count = sizes.parked
        report.begin("\(count) executions parked in Wait (3600 s)")
        let benchmark = ParkedExecutionsBenchmark(lab: lab, count: count)
        let (child, database) = try benchmark.park()
        report.add("starting them through one engine",
                   Figure.rate(Double(count) / child.startElapsed.seconds, "executions"))
        report.add("peak RSS of the engine that started them",
                   Figure.megabytes(kilobytes: child.peakKilobytes), note: "VmHWM")
        var peaks = [child.peakKilobytes]
        report.add("engine pass queries with them stored",
                   Figure.milliseconds(try benchmark.passQueryCost(database: database)),
                   note: "nextDueTime + dueWork, per pass")
        guard let cairn else {
            report.remark("restart skipped: no cairn binary beside the benchmark")
            return peaks
        }
        let restart = try await benchmark.restart(cairn: cairn, database: database)
        report.add("cairn serve restart until working again",
                   Figure.milliseconds(restart.untilWorking),
                   note: "spawn to first due timer committed; "
                       + "\(restart.parkedTimers) timers stored")
        report.add("peak RSS of the restarted cairn serve",
                   Figure.megabytes(kilobytes: restart.peakKilobytes),
                   note: "VmHWM; VmRSS \(Figure.megabytes(kilobytes: restart.residentKilobytes))")
        peaks.append(restart.peakKilobytes)
        return peaks
    }

    // MARK: - Targets

    private func checkTargets(
        commitRate: Double,
        pass: [Int: Double],
        exec: [Int: Double],
        memory: [Int]
    ) {
        report.begin("Targets from the issue")
        let passRatio = (pass[1] ?? 0) / commitRate
        verdict("Pass chain, 1 execution: transitions/commits >= 0.5",
                passRatio >= 0.5, Figure.ratio(passRatio))
        let best = Self.concurrencies.dropFirst().map { exec[$0] ?? 0 }.max() ?? 0
        verdict("exec chain, 8 or 32 executions: beats raw commit rate",
                best > commitRate,
                "\(Figure.rate(best, "transitions")) vs \(Figure.rate(commitRate, "commits"))")
        let peak = memory.max() ?? 0
        verdict("\(sizes.parked) waiting executions: peak RSS <= 200 MB",
                peak <= Self.memoryTargetKilobytes, Figure.megabytes(kilobytes: peak))
    }

    private func verdict(_ target: String, _ isMet: Bool, _ figure: String) {
        report.add(target, isMet ? "met" : "MISSED", note: figure)
    }

    private func requireAllSucceeded(_ result: Throughput) throws {
        guard result.succeeded == result.executions else {
            throw BenchmarkFailure(
                "\(result.executions - result.succeeded) of \(result.executions) executions "
                    + "did not succeed"
            )
        }
    }
}
