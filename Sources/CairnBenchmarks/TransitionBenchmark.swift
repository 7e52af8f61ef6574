// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

/// How many executions ran, how many states they entered, and how long it took.
struct Throughput {
    var executions: Int
    var succeeded: Int
    var transitions: Int
    var elapsed: Duration
    /// CPU used meanwhile, by the engine and by the tasks' processes.
    var cpu = CPUTime(engine: .zero, children: .zero)

    var transitionsPerSecond: Double { Double(self.transitions) / self.elapsed.seconds }
    var executionsPerSecond: Double { Double(self.executions) / self.elapsed.seconds }
}

/// Durable state transitions per second through the real engine on a real
/// SQLite file: a chain of Pass states and a chain of trivial exec tasks.
struct TransitionBenchmark {
    let lab: BenchmarkLab

    /// Starts `executions` Pass-chain executions from `concurrency` callers at
    /// once. The interpreter runs a whole chain of Pass states inside the start
    /// step, so each execution is one commit.
    func passChain(length: Int, executions: Int, concurrency: Int) async throws -> Throughput {
        let workflow = try lab.workflow("pass-\(length)", BenchmarkWorkflows.passChain(length))
        let store = try lab.makeStore("pass-chain-c\(concurrency)")
        let engine = BenchmarkLab.makeEngine(store: store, workers: concurrency)
        let perCaller = max(1, executions / concurrency)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    for _ in 0..<perCaller {
                        _ = try await engine.start(workflow, input: [:], claim: true)
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - started
        return try measured(store, executions: perCaller * concurrency, elapsed: elapsed)
    }

    /// Runs `executions` exec-chain executions in rounds of `concurrency`:
    /// each round starts its executions (their first tasks launch at once)
    /// and runs the engine until they have all ended.
    func execChain(length: Int, executions: Int, concurrency: Int) async throws -> Throughput {
        let workflow = try lab.workflow("exec-\(length)", BenchmarkWorkflows.execChain(length))
        let store = try lab.makeStore("exec-chain-c\(concurrency)")
        let engine = BenchmarkLab.makeEngine(store: store, workers: concurrency)
        let rounds = max(1, executions / concurrency)
        let cpuBefore = CPUTime.now()
        let started = ContinuousClock.now
        for _ in 0..<rounds {
            var last = ""
            for _ in 0..<concurrency {
                last = try await engine.start(workflow, input: [:], claim: true).record.id
            }
            if concurrency == 1 {
                try await engine.run(until: .executionEnds(last))
            } else {
                try await engine.run(until: .idle)
            }
        }
        let elapsed = ContinuousClock.now - started
        var result = try measured(store, executions: rounds * concurrency, elapsed: elapsed)
        result.cpu = CPUTime.now() - cpuBefore
        return result
    }

    private func measured(
        _ store: SQLiteStore,
        executions: Int,
        elapsed: Duration
    ) throws -> Throughput {
        let tally = try BenchmarkLab.tally(store.path)
        return Throughput(
            executions: executions,
            succeeded: tally.succeeded,
            transitions: tally.transitions,
            elapsed: elapsed
        )
    }
}
