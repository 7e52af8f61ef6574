// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

extension CairnBinary {
    /// Runs `cairn` with the arguments and records what it did.
    ///
    /// The process inherits the test's environment without any `CAIRN_`
    /// variables (so a developer's `CAIRN_DB` never leaks in), with
    /// `COLUMNS=80` and `NO_COLOR=1` so that tables and help do not depend on
    /// the terminal, and then with `environment` on top.
    ///
    /// - Parameters:
    ///   - arguments: The words after `cairn`.
    ///   - directory: The working directory.
    ///   - environment: Variables to add or replace.
    ///   - standardInput: The text on standard input.
    ///   - timeout: When a hung `cairn` is killed; the result then says so.
    /// - Returns: The exit status and output.
    /// - Throws: The error of `Process.run()` when the binary cannot start.
    public func run(
        _ arguments: [String],
        in directory: String,
        environment: [String: String] = [:],
        standardInput: String = "",
        timeout: Duration = .seconds(60)
    ) async throws -> RecordedProcess {
        try await RecordedProcess.run(
            executable: self.path,
            arguments: arguments,
            in: directory,
            environment: CairnBinary.environment(adding: environment),
            standardInput: standardInput,
            timeout: timeout
        )
    }

    /// The environment `run` gives the binary.
    ///
    /// - Parameter overrides: Variables to add or replace.
    /// - Returns: The test's environment without `CAIRN_` variables, with a fixed
    ///   terminal and then `overrides`.
    public static func environment(adding overrides: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { name, _ in
            !name.hasPrefix("CAIRN_")
        }
        environment["COLUMNS"] = "80"
        environment["NO_COLOR"] = "1"
        environment.merge(overrides) { _, new in new }
        return environment
    }
}
