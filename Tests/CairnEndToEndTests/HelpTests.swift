// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTestSupport
import Testing

/// `--help` on every command: help on stdout, nothing on stderr, exit 0.
@Suite struct HelpTests {
    static let commands: [[String]] = [
        [],
        ["validate"],
        ["run"],
        ["execution"],
        ["execution", "list"],
        ["execution", "show"],
        ["execution", "history"],
        ["registry"],
        ["registry", "list"],
        ["registry", "show"],
    ]

    @Test(arguments: commands)
    func helpIsPrintedOnStandardOutput(_ command: [String]) async throws {
        let workspace = try Workspace()

        let long = try await workspace.cairn(command + ["--help"])
        let short = try await workspace.cairn(command + ["-h"])
        let word = try await workspace.cairn(["help"] + command)

        #expect(long.status == 0)
        #expect(long.standardError == "")
        #expect(long.standardOutput.hasPrefix("OVERVIEW: "))
        let usage = "USAGE: cairn" + command.map { " " + $0 }.joined()
        #expect(long.standardOutput.contains(usage))
        #expect(short.standardOutput == long.standardOutput)
        #expect(word.standardOutput == long.standardOutput)
        #expect(try workspace.listing() == [], "help touches no database")
    }

    @Test func rootHelpListsTheContractCommands() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("--help")

        // The command list grows, so only its frame and the commands that
        // DESIGN.md's contracts name are pinned here.
        #expect(run.standardOutput.hasPrefix("""
            OVERVIEW: Run Amazon States Language workflows durably, checkpointed into
            SQLite.

            Every command that reads or writes executions takes --db PATH; without it Cairn
            uses $CAIRN_DB, or .cairn/cairn.db under the current directory.

            USAGE: cairn <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:

            """))
        #expect(run.standardOutput.hasSuffix("""
              help                    Show subcommand help information.

              See 'cairn help <subcommand>' for detailed help.

            """))
        let commands = run.standardOutput.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        for command in ["validate", "run", "execution", "registry", "help"] {
            #expect(commands.contains(command), "'\(command)' in \(commands)")
        }
    }

    @Test func runHelpShowsEveryOption() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("run", "--help")

        #expect(
            run.standardOutput == """
                OVERVIEW: Run one execution of a workflow in the foreground until it ends.

                Each transition is stored before the next step runs. While it runs, each state's
                start and end appear on standard error. Exit status: 0 when the execution
                SUCCEEDED, 1 when it ended any other way, 2 for a usage or definition error.

                USAGE: cairn run [--input <json>] [--input-file <path>] [--name <name>]
                         [--db <path>] [--json] [--quiet] <file>

                ARGUMENTS:
                  <file>                  The workflow file (YAML or JSON).

                OPTIONS:
                  --input <json>          The execution input as JSON text (default: {}).
                  --input-file <path>     Read the execution input from a JSON file ('-' for
                                          standard input).
                  --name <name>           A name for the execution (default: its id).
                  --db <path>             The SQLite database (default: $CAIRN_DB, else
                                          .cairn/cairn.db; ':memory:' keeps nothing).
                  --json                  Print the result as one JSON object on standard
                                          output.
                  -q, --quiet             Do not show states starting and ending on standard
                                          error.
                  -h, --help              Show help information.

                """
        )
    }

    @Test func versionIsPrinted() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("--version")

        #expect(run.status == 0)
        #expect(run.standardOutput == "cairn 0.1.0\n")
    }

    @Test func unknownSubcommandIsAUsageError() async throws {
        let workspace = try Workspace()

        let run = try await workspace.cairn("exection", "list")

        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.hasPrefix(
            "Error: Unknown subcommand 'exection'; did you mean 'execution'?\n"
        ))
    }
}
