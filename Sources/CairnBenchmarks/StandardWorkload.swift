// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

/// The standard workload: executions of five Pass states in a row, a given
/// number of them in flight at a time.
struct StandardWorkload {
    struct Result {
        var executions: Int
        var steps: Int
        var elapsed: Duration
        var latencies: Latencies

        var executionsPerSecond: Double { Double(self.executions) / self.elapsed.seconds }
        var stepsPerSecond: Double { Double(self.steps) / self.elapsed.seconds }
    }

    let lab: BenchmarkLab

    /// Runs `executions` executions, `inFlight` at a time, and times each one
    /// from its start call to its end.
    func run(executions: Int, inFlight: Int) async throws -> Result {
        let workflow = try lab.workflow("standard", BenchmarkWorkflows.passChain(5))
        let store = try lab.makeStore("standard-\(inFlight)")
        let engine = BenchmarkLab.makeEngine(store: store)
        let perCaller = executions / inFlight
        let clock = ContinuousClock()
        let started = clock.now
        let samples = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    var latencies: [Duration] = []
                    for _ in 0..<perCaller {
                        let begin = clock.now
                        let run = try await engine.start(workflow, input: [:], claim: true)
                        if !run.record.status.isTerminal {
                            try await engine.run(until: .executionEnds(run.record.id))
                        }
                        latencies.append(clock.now - begin)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = clock.now - started
        let tally = try BenchmarkLab.tally(store.path)
        guard tally.succeeded == perCaller * inFlight else {
            throw BenchmarkFailure("only \(tally.succeeded) standard executions succeeded")
        }
        return Result(
            executions: perCaller * inFlight,
            steps: tally.transitions,
            elapsed: elapsed,
            latencies: Latencies(samples)
        )
    }
}

/// A benchmark that could not measure what it meant to.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
