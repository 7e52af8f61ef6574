// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// One parsed run of a command: its typed argument values and the terminal
/// it writes to.
public struct CommandInvocation: Sendable {
    /// Where output goes, how wide it is and whether it may use colour.
    public let terminal: Terminal

    /// The configurations from the root command down to the one that runs.
    let configurations: [CommandConfiguration]
    /// Converted words per argument key, in command-line order.
    let values: [String: [any Sendable]]
    private let declaredKeys: Set<String>

    init(
        configurations: [CommandConfiguration],
        values: [String: [any Sendable]],
        terminal: Terminal
    ) {
        self.configurations = configurations
        self.values = values
        self.terminal = terminal
        self.declaredKeys = Set(configurations.last?.definitions.map(\.key) ?? [])
    }

    /// The names from the root down: `["cairn", "execution", "list"]`.
    public var commandPath: [String] {
        configurations.map(\.name)
    }

    /// The names joined by spaces: `cairn execution list`.
    public var commandName: String {
        commandPath.joined(separator: " ")
    }

    /// The parsed value of one of the running command's arguments.
    ///
    /// Reading an argument the command did not list in its configuration
    /// is a programmer error and stops the program.
    public subscript<Value>(argument: Argument<Value>) -> Value {
        let key = argument.definition.key
        precondition(declaredKeys.contains(key), "'\(commandName)' does not declare \(key)")
        guard let value = argument.makeValue(values[key] ?? []) else {
            preconditionFailure("the parser let '\(commandName)' run without \(key)")
        }
        return value
    }

    /// The running command's help, as `--help` would print it.
    public func helpText() -> String {
        HelpFormatter(configurations: configurations, width: terminal.width).helpText()
    }
}
