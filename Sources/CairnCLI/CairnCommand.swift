// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The `cairn` command: the root of the command tree.
public struct CairnCommand: Command {
    /// The version `cairn --version` prints.
    public static let version = "cairn 0.1.0"

    public init() {}

    public var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "cairn",
            abstract: "Run Amazon States Language workflows durably, checkpointed into SQLite.",
            discussion: """
                Every command that reads or writes executions takes --db PATH; without it \
                Cairn uses $CAIRN_DB, or .cairn/cairn.db under the current directory.
                """,
            version: CairnCommand.version,
            subcommands: [
                ValidateCommand(),
                RunCommand(),
                StartCommand(),
                ServeCommand(),
                ExecutionCommand(),
                TaskCommand(),
                WorkflowCommand(),
                ScheduleCommand(),
                TriggerCommand(),
                RegistryCommand(),
            ]
        )
    }
}
