// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnSQLite
import Foundation

/// The floor every durable engine on SQLite stands on: single-row commits per
/// second into a WAL database with `synchronous=FULL`, one INSERT per
/// transaction, through the same wrapper the store uses.
struct CommitBenchmark {
    let lab: BenchmarkLab

    /// Commits one row per transaction for about `duration` (at least 200
    /// commits) and returns commits per second.
    func singleRowCommits(for duration: Duration) throws -> (commits: Int, perSecond: Double) {
        let connection = try SQLiteConnection(path: lab.newDatabasePath("raw-commits"))
        _ = try connection.setPragma("journal_mode", to: "WAL")
        _ = try connection.setPragma("synchronous", to: "FULL")
        try connection.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        let insert = try connection.prepare("INSERT INTO rows(payload) VALUES (?)")
        // About the size of a small history event.
        let payload = String(repeating: "x", count: 200)

        let clock = ContinuousClock()
        let started = clock.now
        var commits = 0
        while commits < 200 || clock.now - started < duration {
            try connection.transaction(.immediate) {
                try insert.bind([.text(payload)])
                try insert.run()
            }
            commits += 1
        }
        let elapsed = clock.now - started
        return (commits, Double(commits) / elapsed.seconds)
    }
}
