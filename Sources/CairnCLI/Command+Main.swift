// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Command {
    /// Parses the words, runs the command they name and returns the exit
    /// status; the executable's `main.swift` passes it to `exit`.
    ///
    /// - `help`, `-h` and `--help` print help to standard output: 0.
    /// - `--version` on the root prints the version: 0.
    /// - A usage error prints `Error: ...`, the usage line and a hint to
    ///   standard error: 2.
    /// - Otherwise the command's ``run(_:)`` decides; an error it throws is
    ///   printed as `Error: <description>` on standard error: 1 (2 for a
    ///   ``CommandUsageError``).
    ///
    /// - Parameters:
    ///   - arguments: The command line without the program name.
    ///   - terminal: Where text goes; the process's own terminal by default.
    /// - Returns: The exit status.
    public func main(arguments: [String], terminal: Terminal = .current) async -> Int32 {
        let outcome: CommandParser.Outcome
        do {
            outcome = try CommandParser(root: self).parse(arguments)
        } catch {
            reportUsageError(error.error, in: error.configurations, on: terminal)
            return 2
        }

        switch outcome {
        case .help(let configurations):
            let formatter = HelpFormatter(configurations: configurations, width: terminal.width)
            terminal.write(formatter.helpText())
            return 0
        case .version(let version):
            terminal.write(version + "\n")
            return 0
        case .run(let command, let configurations, let values):
            let invocation = CommandInvocation(
                configurations: configurations,
                values: values,
                terminal: terminal
            )
            do {
                return try await command.run(invocation)
            } catch let error as CommandUsageError {
                reportUsageError(error, in: configurations, on: terminal)
                return 2
            } catch let error as CommandExit {
                terminal.write("Error: \(error.message)\n", to: .standardError)
                return error.status
            } catch {
                terminal.write("Error: \(error)\n", to: .standardError)
                return 1
            }
        }
    }

    private func reportUsageError(
        _ error: CommandUsageError,
        in configurations: [CommandConfiguration],
        on terminal: Terminal
    ) {
        let formatter = HelpFormatter(configurations: configurations, width: terminal.width)
        let name = configurations.map(\.name).joined(separator: " ")
        terminal.write(
            "Error: \(error)\n\(formatter.usage(prefix: "Usage: "))\nSee '\(name) --help'.\n",
            to: .standardError
        )
    }
}
