// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A command of the `cairn` tool, or a group of subcommands.
///
/// A command is a small value: its ``configuration`` declares its name,
/// help texts, arguments and subcommands, and ``run(_:)`` does the work and
/// returns the exit status. Values can carry what the work needs (a store
/// opener, a clock), so tests can hand in fakes.
///
/// ```swift
/// struct ExecutionCommand: Command {
///     var configuration: CommandConfiguration {
///         CommandConfiguration(
///             name: "execution",
///             abstract: "See and manage stored executions.",
///             subcommands: [ExecutionListCommand(), ExecutionShowCommand()]
///         )
///     }
/// }
///
/// let status = await CairnCommand().main(arguments: Array(CommandLine.arguments.dropFirst()))
/// exit(status)
/// ```
public protocol Command: Sendable {
    /// The command's name, help texts, arguments and subcommands.
    var configuration: CommandConfiguration { get }

    /// Does the command's work.
    ///
    /// The default implementation, meant for groups of subcommands, prints
    /// the command's help and returns 0.
    ///
    /// - Parameter invocation: The parsed arguments and the terminal.
    /// - Returns: The exit status: 0 success, 1 failure, 2 usage error.
    /// - Throws: ``CommandUsageError`` for a usage problem found after
    ///   parsing (it is printed like a parse error and exits with 2); any
    ///   other error is printed as `Error: <description>` and exits with 1.
    func run(_ invocation: CommandInvocation) async throws -> Int32
}

extension Command {
    public func run(_ invocation: CommandInvocation) async throws -> Int32 {
        invocation.terminal.write(invocation.helpText())
        return 0
    }
}
