// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The wall time of `cairn run` on a one-state workflow, as a user's shell
/// sees it: process start to exit, with a durable database.
struct ColdStartBenchmark {
    let lab: BenchmarkLab
    let cairn: String

    /// Runs `cairn run` `times` times and returns the median wall time, and
    /// the median of `cairn --version` as the floor of starting the binary.
    func run(times: Int) throws -> (run: Duration, version: Duration) {
        let file = "\(lab.root)/single.yaml"
        try Data(BenchmarkWorkflows.single.utf8).write(to: URL(fileURLWithPath: file))
        let database = lab.newDatabasePath("cold-start")
        var runs: [Duration] = []
        var versions: [Duration] = []
        for _ in 0..<times {
            let (status, elapsed) = try ChildProcess.time(
                cairn,
                ["run", file, "--db", database, "-q"]
            )
            guard status == 0 else { throw BenchmarkFailure("cairn run exited with \(status)") }
            runs.append(elapsed)
            versions.append(try ChildProcess.time(cairn, ["--version"]).1)
        }
        return (Latencies(runs).median, Latencies(versions).median)
    }
}
