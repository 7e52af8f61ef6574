// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnStorage
import Foundation

/// Where the store lives: `--db`, else `$CAIRN_DB`, else `.cairn/cairn.db`
/// under the current directory; `:memory:` keeps nothing.
struct DatabaseLocation {
    static let option = Argument.option(
        "--db",
        valueName: "path",
        as: String.self,
        help: "The SQLite database (default: $CAIRN_DB, else .cairn/cairn.db; "
            + "':memory:' keeps nothing)."
    )

    static let defaultPath = ".cairn/cairn.db"
    static let memory = ":memory:"

    let path: String

    init(_ invocation: CommandInvocation) {
        let environment = ProcessInfo.processInfo.environment
        let chosen = invocation[DatabaseLocation.option]
            ?? environment["CAIRN_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? DatabaseLocation.defaultPath
        path = chosen
    }

    var isMemory: Bool { path == DatabaseLocation.memory }

    var exists: Bool { isMemory || FileManager.default.fileExists(atPath: path) }

    /// The folder beside the database where tasks' stderr is kept.
    var logDirectory: String? {
        guard !isMemory else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent("logs").path
    }

    /// Opens the store, creating the database when it does not exist.
    ///
    /// - Throws: `CommandUsageError` when the database cannot be opened (a
    ///   folder, a file that is not SQLite, a newer schema): the `--db` or
    ///   `CAIRN_DB` given is at fault, and scripts get exit status 2.
    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch let error as CairnStorageError
            where error.code == .cannotOpen || error.code == .schemaTooNew
        {
            let reason = error.cause.map { "\($0)" } ?? error.message
            throw CommandExit("cannot use the database '\(path)': \(reason)", status: 2)
        }
    }

    /// Opens the store for a command that only reads; a missing database is
    /// reported, not created.
    func openExisting() throws -> SQLiteStore {
        guard exists else {
            throw CommandFailure(
                "no database at '\(path)': nothing has run here yet (use --db or CAIRN_DB "
                    + "to point at another one)"
            )
        }
        return try open()
    }
}

/// A command that could not do its work, with a message for the user; exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
