// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization
import Testing

@testable import CairnCLI

// MARK: - A sample command tree

private enum StatusFilter: String, CaseIterable, ArgumentValue {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
}

private struct SampleRootCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "cairn",
            abstract: "Run Amazon States Language workflows durably.",
            version: "cairn 0.1.0",
            subcommands: [SampleRunCommand(), SampleExecutionCommand()]
        )
    }
}

private struct SampleRunCommand: Command {
    static let file = Argument.positional("file", as: ArgumentPath.self, help: "The workflow file.")
    static let input = Argument.option(
        "--input",
        short: "i",
        valueName: "json",
        as: String.self,
        help: "The execution input as JSON text."
    )
    static let database = Argument.option(
        "--db",
        valueName: "path",
        default: "cairn.sqlite",
        help: "The SQLite database that keeps the execution."
    )
    static let json = Argument.flag("--json", help: "Print the result as one JSON object.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "run",
            abstract: "Run one execution of a workflow in the foreground.",
            discussion: "The execution runs until it ends.\nExit status: 0 success, 1 failure.",
            arguments: [Self.input, Self.database, Self.json, Self.file]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let input = invocation[Self.input]
        if input == "usage" {
            throw CommandUsageError("'--input' and '--input-file' exclude each other")
        }
        if input == "fail" {
            throw CocoaError(.fileNoSuchFile)
        }
        invocation.terminal.write(
            "file=\(invocation[Self.file].text) input=\(input ?? "nil") "
                + "db=\(invocation[Self.database]) json=\(invocation[Self.json])\n"
        )
        return input == "exit3" ? 3 : 0
    }
}

private struct SampleExecutionCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "execution",
            abstract: "See and manage stored executions.",
            subcommands: [SampleExecutionListCommand(), SampleExecutionShowCommand()]
        )
    }
}

private struct SampleExecutionListCommand: Command {
    static let status = Argument.option(
        "--status",
        as: StatusFilter.self,
        help: "Only list executions with this status."
    )
    static let limit = Argument.option(
        "--limit",
        short: "n",
        default: 20,
        help: "List at most this many executions, newest first."
    )
    static let tags = Argument.repeatingOption(
        "--tag",
        as: String.self,
        help: "Only list executions with this tag; may be repeated."
    )
    static let threshold = Argument.option(
        "--min-seconds",
        as: Double.self,
        help: "Minimum run time."
    )
    static let verbose = Argument.flag("--verbose", short: "v", help: "Show more columns.")
    static let json = Argument.flag("--json", short: "j", help: "Print JSON.")
    static let workflows = Argument.variadicPositional(
        "workflow",
        as: String.self,
        help: "Only executions of these workflows."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "list",
            abstract: "List executions in the store.",
            arguments: [
                Self.status, Self.limit, Self.tags, Self.threshold, Self.verbose, Self.json,
                Self.workflows,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let status = invocation[Self.status]?.rawValue ?? "nil"
        let threshold = invocation[Self.threshold].map { "\($0)" } ?? "nil"
        invocation.terminal.write(
            "status=\(status) limit=\(invocation[Self.limit]) tags=\(invocation[Self.tags]) "
                + "min=\(threshold) verbose=\(invocation[Self.verbose]) "
                + "json=\(invocation[Self.json]) workflows=\(invocation[Self.workflows])\n"
        )
        return 0
    }
}

private struct SampleExecutionShowCommand: Command {
    static let id = Argument.positional("id", as: String.self, help: "The execution's id.")
    static let event = Argument.optionalPositional("event", as: Int.self, help: "One event.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "show",
            abstract: "Show one execution.",
            arguments: [Self.id, Self.event]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let event = invocation[Self.event] ?? -1
        invocation.terminal.write("id=\(invocation[Self.id]) event=\(event)\n")
        return 0
    }
}

/// What a command wrote to each stream.
private final class OutputRecorder: Sendable {
    private let texts = Mutex<[Terminal.Stream: String]>([:])

    func terminal(width: Int, usesColor: Bool = false) -> Terminal {
        Terminal(width: width, usesColor: usesColor) { stream, text in
            self.texts.withLock { $0[stream, default: ""] += text }
        }
    }

    var standardOutput: String { texts.withLock { $0[.standardOutput] ?? "" } }
    var standardError: String { texts.withLock { $0[.standardError] ?? "" } }
}

private struct Run {
    var status: Int32
    var output: String
    var error: String
}

private func sampleCLI(_ arguments: String..., width: Int = 80) async -> Run {
    let recorder = OutputRecorder()
    let status = await SampleRootCommand().main(
        arguments: arguments,
        terminal: recorder.terminal(width: width)
    )
    return Run(status: status, output: recorder.standardOutput, error: recorder.standardError)
}

// MARK: - Tests

@Suite struct CommandLineFrameworkTests {
    // MARK: Help

    @Test func rootHelpListsSubcommands() async {
        let run = await sampleCLI("--help")

        #expect(run.status == 0)
        #expect(run.error == "")
        #expect(
            run.output == """
                OVERVIEW: Run Amazon States Language workflows durably.

                USAGE: cairn <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  run                     Run one execution of a workflow in the foreground.
                  execution               See and manage stored executions.
                  help                    Show subcommand help information.

                  See 'cairn help <subcommand>' for detailed help.

                """
        )
    }

    @Test func leafHelpShowsArgumentsOptionsValuesAndDefaults() async {
        let run = await sampleCLI("execution", "list", "-h")

        #expect(run.status == 0)
        #expect(
            run.output == """
                OVERVIEW: List executions in the store.

                USAGE: cairn execution list [--status <status>] [--limit <limit>]
                         [--tag <tag> ...] [--min-seconds <min-seconds>] [--verbose] [--json]
                         [<workflow> ...]

                ARGUMENTS:
                  <workflow>              Only executions of these workflows.

                OPTIONS:
                  --status <status>       Only list executions with this status. (values:
                                          RUNNING, SUCCEEDED, FAILED)
                  -n, --limit <limit>     List at most this many executions, newest first.
                                          (default: 20)
                  --tag <tag>             Only list executions with this tag; may be repeated.
                  --min-seconds <min-seconds>
                                          Minimum run time.
                  -v, --verbose           Show more columns.
                  -j, --json              Print JSON.
                  -h, --help              Show help information.

                """
        )
    }

    @Test func helpWrapsToANarrowTerminal() async {
        let run = await sampleCLI("run", "--help", width: 50)

        #expect(
            run.output == """
                OVERVIEW: Run one execution of a workflow in the
                foreground.

                The execution runs until it ends.
                Exit status: 0 success, 1 failure.

                USAGE: cairn run [--input <json>] [--db <path>]
                         [--json] <file>

                ARGUMENTS:
                  <file>                  The workflow file.

                OPTIONS:
                  -i, --input <json>      The execution input as
                                          JSON text.
                  --db <path>             The SQLite database that
                                          keeps the execution.
                                          (default: cairn.sqlite)
                  --json                  Print the result as one
                                          JSON object.
                  -h, --help              Show help information.

                """
        )
    }

    @Test func helpSubcommandMatchesTheHelpFlag() async {
        let viaSubcommand = await sampleCLI("help", "execution", "list")
        let viaFlag = await sampleCLI("execution", "list", "--help")

        #expect(viaSubcommand.status == 0)
        #expect(viaSubcommand.output == viaFlag.output)
    }

    @Test func groupWithoutSubcommandPrintsItsHelp() async {
        let run = await sampleCLI("execution")

        #expect(run.status == 0)
        #expect(
            run.output == """
                OVERVIEW: See and manage stored executions.

                USAGE: cairn execution <subcommand>

                OPTIONS:
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  list                    List executions in the store.
                  show                    Show one execution.

                  See 'cairn help execution <subcommand>' for detailed help.

                """
        )
    }

    @Test func versionPrintsTheVersion() async {
        let run = await sampleCLI("--version")

        #expect(run.status == 0)
        #expect(run.output == "cairn 0.1.0\n")
    }

    // MARK: Values

    @Test(arguments: [
        (["run", "flow.yaml"], "file=flow.yaml input=nil db=cairn.sqlite json=false"),
        (["run", "--input", "[1]", "w.yaml"], "file=w.yaml input=[1] db=cairn.sqlite json=false"),
        (["run", "--input={}", "--json", "f"], "file=f input={} db=cairn.sqlite json=true"),
        (["run", "--input=a=b", "f"], "file=f input=a=b db=cairn.sqlite json=false"),
        (["run", "-i", "x", "--db=:memory:", "f"], "file=f input=x db=:memory: json=false"),
        (["run", "-ix", "f"], "file=f input=x db=cairn.sqlite json=false"),
        (
            ["run", "--input", "a", "--input", "b", "f"],
            "file=f input=b db=cairn.sqlite json=false"
        ),
        (["run", "--input", "-", "f"], "file=f input=- db=cairn.sqlite json=false"),
        (["run", "--input=", "f"], "file=f input= db=cairn.sqlite json=false"),
        (["run", "--", "--json"], "file=--json input=nil db=cairn.sqlite json=false"),
        (["run", "f", "--json"], "file=f input=nil db=cairn.sqlite json=true"),
    ])
    func parsesOptionsFlagsAndPositionals(arguments: [String], expected: String) async {
        let recorder = OutputRecorder()
        let status = await SampleRootCommand().main(
            arguments: arguments,
            terminal: recorder.terminal(width: 80)
        )

        #expect(recorder.standardError == "")
        #expect(status == 0)
        #expect(recorder.standardOutput == expected + "\n")
    }

    @Test func readsTypedValuesRepeatedOptionsAndVariadicArguments() async {
        let run = await sampleCLI(
            "execution",
            "list",
            "--status",
            "FAILED",
            "-n",
            "-5",
            "--tag",
            "nightly",
            "--tag=gpu",
            "--min-seconds",
            "1.5",
            "-vj",
            "train",
            "score"
        )

        #expect(run.error == "")
        #expect(
            run.output == """
                status=FAILED limit=-5 tags=["nightly", "gpu"] min=1.5 verbose=true \
                json=true workflows=["train", "score"]

                """
        )
    }

    @Test func appliesDefaultsWhenNothingIsGiven() async {
        let run = await sampleCLI("execution", "list")

        #expect(
            run.output == """
                status=nil limit=20 tags=[] min=nil verbose=false json=false workflows=[]

                """
        )
    }

    @Test func fillsOptionalPositionals() async {
        #expect(await sampleCLI("execution", "show", "abc").output == "id=abc event=-1\n")
        #expect(await sampleCLI("execution", "show", "abc", "7").output == "id=abc event=7\n")
    }

    @Test func pathsAreMadeAbsolute() {
        let path = ArgumentPath("flows/../flows/train.yaml", relativeTo: "/srv/work")

        #expect(path.text == "flows/../flows/train.yaml")
        #expect(path.absolutePath == "/srv/work/flows/train.yaml")
        #expect(ArgumentPath("/etc/x.yaml", relativeTo: "/srv").absolutePath == "/etc/x.yaml")
        #expect(ArgumentPath(argument: "") == nil)
    }

    @Test func commandStatusIsTheExitStatus() async {
        #expect(await sampleCLI("run", "--input", "exit3", "f").status == 3)
    }

    // MARK: Errors

    @Test(arguments: [
        (
            ["execution", "list", "--jsn"],
            """
            Error: Unknown option '--jsn'; did you mean '--json'?
            Usage: cairn execution list [--status <status>] [--limit <limit>]
                     [--tag <tag> ...] [--min-seconds <min-seconds>] [--verbose] [--json]
                     [<workflow> ...]
            See 'cairn execution list --help'.

            """
        ),
        (
            ["run", "--input"],
            """
            Error: Missing value for '--input <json>'
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["run", "--input", "--json", "f"],
            """
            Error: Missing value for '--input <json>'
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["run", "--json"],
            """
            Error: Missing expected argument '<file>'
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["run", "a", "b"],
            """
            Error: Unexpected argument 'b'
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["run", "--json=yes", "f"],
            """
            Error: The flag '--json' does not take a value
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["run", "-x", "f"],
            """
            Error: Unknown option '-x'
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
        (
            ["execution", "show", "id", "seven"],
            """
            Error: The value 'seven' is invalid for '<event>'; expected an integer
            Usage: cairn execution show <id> [<event>]
            See 'cairn execution show --help'.

            """
        ),
        (
            ["execution", "list", "--status", "failed"],
            """
            Error: The value 'failed' is invalid for '--status <status>'; expected one of \
            'RUNNING', 'SUCCEEDED', 'FAILED'; did you mean 'FAILED'?
            Usage: cairn execution list [--status <status>] [--limit <limit>]
                     [--tag <tag> ...] [--min-seconds <min-seconds>] [--verbose] [--json]
                     [<workflow> ...]
            See 'cairn execution list --help'.

            """
        ),
        (
            ["execution", "lst"],
            """
            Error: Unknown subcommand 'lst'; did you mean 'list'?
            Usage: cairn execution <subcommand>
            See 'cairn execution --help'.

            """
        ),
        (
            ["exectuion", "list"],
            """
            Error: Unknown subcommand 'exectuion'; did you mean 'execution'?
            Usage: cairn <subcommand>
            See 'cairn --help'.

            """
        ),
        (
            ["help", "nothing"],
            """
            Error: Unknown subcommand 'nothing'
            Usage: cairn <subcommand>
            See 'cairn --help'.

            """
        ),
        (
            ["run", "--input", "usage", "f"],
            """
            Error: '--input' and '--input-file' exclude each other
            Usage: cairn run [--input <json>] [--db <path>] [--json] <file>
            See 'cairn run --help'.

            """
        ),
    ])
    func usageErrorsGoToStandardErrorWithStatus2(arguments: [String], expected: String) async {
        let recorder = OutputRecorder()
        let status = await SampleRootCommand().main(
            arguments: arguments,
            terminal: recorder.terminal(width: 80)
        )

        #expect(status == 2)
        #expect(recorder.standardOutput == "")
        #expect(recorder.standardError == expected)
    }

    @Test func helpWinsOverOtherMistakes() async {
        let run = await sampleCLI("run", "--bogus", "--help")

        #expect(run.status == 0)
        #expect(run.output.hasPrefix("OVERVIEW: Run one execution"))
    }

    @Test func otherErrorsFromACommandExitWith1() async {
        let run = await sampleCLI("run", "--input", "fail", "f")

        #expect(run.status == 1)
        #expect(run.error.hasPrefix("Error: "))
        #expect(run.output == "")
    }

    @Test(
        arguments: [
            ("--jsn", ["--json", "--limit"], "--json"),
            ("lst", ["list", "show"], "list"),
            ("xyz", ["list", "show"], nil),
            ("exectuion", ["execution", "run"], "execution"),
        ] as [(String, [String], String?)]
    )
    func suggestsCloseNames(word: String, candidates: [String], expected: String?) {
        #expect(CommandSuggester.bestMatch(for: word, among: candidates) == expected)
    }

    // MARK: Tables

    @Test func tableAlignsColumnsUnderAHeader() {
        var table = Table(columns: [
            Table.Column("EXECUTION"),
            Table.Column("STATUS"),
            Table.Column("DURATION", alignment: .right),
        ])
        table.append(["nightly-0412", "FAILED", "2m03s"])
        table.append(["adhoc", "SUCCEEDED", "1.23s"])
        table.append(["short-row"])

        #expect(
            table.render(width: 80) == """
                EXECUTION     STATUS     DURATION
                nightly-0412  FAILED        2m03s
                adhoc         SUCCEEDED     1.23s
                short-row

                """
        )
    }

    @Test func tableCutsTheWidestTruncatableColumnToFit() {
        var table = Table(columns: [
            Table.Column("ID", isTruncatable: false),
            Table.Column("WORKFLOW"),
            Table.Column("CAUSE"),
        ])
        table.append([
            "exec-00000001", "model-training-pipeline", "States.TaskFailed: exit status 1",
        ])
        table.append(["exec-00000002", "etl", "\u{8A13}\u{7DF4}\u{5931}\u{6557}\nsecond line"])

        #expect(
            table.render(width: 50) == """
                ID             WORKFLOW          CAUSE
                exec-00000001  model-training-…  States.TaskFaile…
                exec-00000002  etl               訓練失敗 second …

                """
        )
    }

    @Test func tableUsesColourOnlyWhenTheTerminalAllows() {
        var table = Table(columns: [
            Table.Column("STATUS", style: { $0 == "FAILED" ? .red : nil })
        ])
        table.append(["FAILED"])
        table.append(["RUNNING"])
        let colour = OutputRecorder().terminal(width: 80, usesColor: true)
        let plain = OutputRecorder().terminal(width: 80, usesColor: false)

        let escape = "\u{1B}["
        #expect(
            table.render(for: colour)
                == "\(escape)1mSTATUS\(escape)0m\n\(escape)31mFAILED\(escape)0m\nRUNNING\n"
        )
        #expect(table.render(for: plain) == "STATUS\nFAILED\nRUNNING\n")
    }

    // MARK: Terminal and formats

    @Test func terminalWidthComesFromColumnsAndColourFromNoColor() {
        let terminal = Terminal.detect(environment: ["COLUMNS": "132", "NO_COLOR": "1"])

        #expect(terminal.width == 132)
        #expect(!terminal.usesColor)
        #expect(terminal.styled("x", .bold) == "x")
        #expect(Terminal.detect(environment: ["COLUMNS": "zero"]).width > 0)
    }

    @Test(
        arguments: [
            (0.0, "0ms"),
            (0.0004, "0ms"),
            (0.850, "850ms"),
            (0.9996, "1.00s"),
            (1.234, "1.23s"),
            (59.996, "1m00s"),
            (123, "2m03s"),
            (3599.6, "1h00m"),
            (3900, "1h05m"),
            (273_600, "3d04h"),
            (-5, "0ms"),
        ] as [(Double, String)]
    )
    func formatsDurationsForPeople(seconds: Double, expected: String) {
        #expect(TerminalFormat.duration(seconds: seconds) == expected)
    }

    @Test func formatsSwiftDurations() {
        #expect(TerminalFormat.duration(.milliseconds(123_400)) == "2m03s")
    }

    @Test func formatsTimestampsAndRelativeTimes() throws {
        let date = Date(timeIntervalSince1970: 1_738_314_723)  // 2025-01-31 09:12:03 UTC
        let utc = try #require(TimeZone(identifier: "UTC"))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))

        #expect(TerminalFormat.timestamp(date, timeZone: utc) == "2025-01-31 09:12:03")
        #expect(TerminalFormat.timestamp(date, timeZone: berlin) == "2025-01-31 10:12:03")
        #expect(TerminalFormat.relativeTime(date, now: date.addingTimeInterval(0.2)) == "just now")
        #expect(TerminalFormat.relativeTime(date, now: date.addingTimeInterval(42)) == "42s ago")
        #expect(TerminalFormat.relativeTime(date, now: date.addingTimeInterval(7300)) == "2h ago")
        #expect(TerminalFormat.relativeTime(date, now: date.addingTimeInterval(-600)) == "in 10m")
    }
}
