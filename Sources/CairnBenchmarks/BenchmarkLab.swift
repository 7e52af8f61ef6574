// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnSQLite
import CairnStorage
import CairnTasks
import Foundation

/// A temporary folder for one benchmark run: workflow files and one fresh
/// SQLite database per measurement, all deleted at the end.
final class BenchmarkLab {
    let root: String
    private var databaseCount = 0

    init() throws {
        let name = "cairn-bench-\(UUID().uuidString.prefix(8))"
        self.root = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(
            atPath: self.root,
            withIntermediateDirectories: true
        )
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.root)
    }

    /// A path for a new database file that does not exist yet.
    func newDatabasePath(_ purpose: String) -> String {
        self.databaseCount += 1
        return "\(self.root)/\(self.databaseCount)-\(purpose).db"
    }

    /// Opens a store as `cairn` does: WAL and `synchronous=FULL`.
    func makeStore(_ purpose: String) throws -> SQLiteStore {
        try SQLiteStore(path: newDatabasePath(purpose), options: .init(synchronous: .full))
    }

    /// Writes a workflow file into the lab and loads it.
    func workflow(_ name: String, _ text: String) throws -> Workflow {
        let path = "\(self.root)/\(name).yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try WorkflowLoader.decode(text: text, file: path)
    }

    /// An engine over `store` that runs `cairn:exec` tasks, `workers` at a time.
    static func makeEngine(store: SQLiteStore, workers: Int = 8) -> Engine {
        var handlers = TaskHandlers()
        handlers.register("cairn:exec", ExecTaskHandler())
        return Engine(
            store: store,
            handlers: handlers,
            configuration: Engine.Configuration(workers: workers)
        )
    }

    /// Counts rows of the database at `path` with a query that returns one integer.
    static func count(_ sql: String, in path: String) throws -> Int {
        let connection = try SQLiteConnection(path: path, flags: .readOnly)
        let row = try connection.firstRow(sql)
        return try row?.decode(Int.self, at: 0) ?? 0
    }

    /// The states entered and the executions that succeeded in a database.
    static func tally(_ path: String) throws -> (transitions: Int, succeeded: Int) {
        let transitions = try count(
            "SELECT COUNT(*) FROM history_events WHERE type LIKE '%StateEntered'",
            in: path
        )
        let succeeded = try count(
            "SELECT COUNT(*) FROM executions WHERE status = 'SUCCEEDED'",
            in: path
        )
        return (transitions, succeeded)
    }
}

/// The workflows the benchmarks run.
enum BenchmarkWorkflows {
    /// `count` Pass states in a row.
    static func passChain(_ count: Int) -> String {
        var text = "StartAt: P1\nStates:\n"
        for index in 1...count {
            let next = index == count ? "End: true" : "Next: P\(index + 1)"
            text += "  P\(index): {Type: Pass, Result: {step: \(index)}, ResultPath: $.last, "
                + "\(next)}\n"
        }
        return text
    }

    /// `count` trivial `cairn:exec` tasks in a row, each `sh -c 'echo {}'`.
    static func execChain(_ count: Int) -> String {
        var text = "StartAt: T1\nStates:\n"
        for index in 1...count {
            let next = index == count ? "End: true" : "Next: T\(index + 1)"
            text += "  T\(index): {Type: Task, Resource: \"cairn:exec\", Parameters: "
                + "{Command: [sh, -c, \"echo {}\"], Payload: {}}, ResultPath: null, \(next)}\n"
        }
        return text
    }

    /// One Pass state: the smallest workflow `cairn run` can run.
    static let single = "StartAt: Only\nStates:\n  Only: {Type: Pass, End: true}\n"

    /// Parks an execution for an hour.
    static let parked = """
        StartAt: Park
        States:
          Park: {Type: Wait, Seconds: 3600, Next: Done}
          Done: {Type: Succeed}

        """

    /// Waits a second, so its timer is due when a restarted engine first looks.
    static let sentinel = """
        StartAt: Pause
        States:
          Pause: {Type: Wait, Seconds: 1, Next: Done}
          Done: {Type: Succeed}

        """
}
