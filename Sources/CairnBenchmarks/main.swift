// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

// `swift run -c release CairnBenchmarks [--quick]` runs every benchmark and
// prints a summary; the program also starts itself in a child role to park
// executions whose memory it measures on its own.
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == ParkedExecutionsBenchmark.childFlag {
    try await ParkedExecutionsBenchmark.runChild(
        database: arguments[2],
        count: Int(arguments[3]) ?? 0
    )
} else {
    let suite = BenchmarkSuite(sizes: arguments.contains("--quick") ? .quick : .full)
    do {
        try await suite.run()
    } catch {
        print("benchmark failed: \(error)")
        exit(1)
    }
}
