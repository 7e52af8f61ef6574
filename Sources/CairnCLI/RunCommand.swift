// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnRuntime
import CairnStorage
import Foundation

/// `cairn run FILE`: runs one execution in the foreground until it ends.
struct RunCommand: Command {
    static let file = Argument.positional(
        "file",
        as: ArgumentPath.self,
        help: "The workflow file (YAML or JSON)."
    )
    static let input = Argument.option(
        "--input",
        valueName: "json",
        as: String.self,
        help: "The execution input as JSON text (default: {})."
    )
    static let inputFile = Argument.option(
        "--input-file",
        valueName: "path",
        as: ArgumentPath.self,
        help: "Read the execution input from a JSON file ('-' for standard input)."
    )
    static let name = Argument.option(
        "--name",
        valueName: "name",
        as: String.self,
        help: "A name for the execution (default: its id)."
    )
    static let json = Argument.flag(
        "--json",
        help: "Print the result as one JSON object on standard output."
    )
    static let quiet = Argument.flag(
        "--quiet",
        short: "q",
        help: "Do not show states starting and ending on standard error."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "run",
            abstract: "Run one execution of a workflow in the foreground until it ends.",
            discussion: """
                Each transition is stored before the next step runs. While it runs, each \
                state's start and end appear on standard error. Exit status: 0 when the \
                execution SUCCEEDED, 1 when it ended any other way, 2 for a usage or \
                definition error.
                """,
            arguments: [
                Self.input, Self.inputFile, Self.name, DatabaseLocation.option, Self.json,
                Self.quiet, Self.file,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let input = try RunCommand.readInput(invocation)
        guard let workflow = try RunCommand.loadWorkflow(invocation) else { return 2 }
        let host = try EngineHost(DatabaseLocation(invocation))
        let observer: ProgressPrinter? = invocation[Self.quiet] ? nil : ProgressPrinter()
        let engine = host.makeEngine(observer: observer)
        let started: Engine.Started
        do {
            started = try await engine.start(
                workflow,
                input: input,
                name: invocation[Self.name],
                claim: host.ownsExecutions
            )
        } catch let error as CairnRuntimeError where error.code == .nameTaken {
            throw CommandUsageError(error.message)
        }
        let id = started.record.id
        if host.ownsExecutions {
            guard try await host.run(engine, until: id) else {
                invocation.terminal.write(EngineHost.interruptedMessage(id), to: .standardError)
                return 130
            }
        } else {
            // The start step's events were shown as it was stored; follow the rest.
            let shown = started.isNew ? try host.store.history(executionID: id).count : 0
            try await host.follow(id, observer: observer, after: shown)
        }
        return try RunCommand.report(id, host: host, invocation)
    }

    /// Loads the workflow named on the command line; on a definition error,
    /// prints every problem on stderr and returns `nil` (exit status 2).
    static func loadWorkflow(_ invocation: CommandInvocation) throws -> Workflow? {
        let path = invocation[Self.file].text
        do {
            return try WorkflowLoader.load(path: path)
        } catch {
            let problems = error.problems.isEmpty ? [error] : error.problems
            for problem in problems {
                invocation.terminal.write(
                    ValidateCommand.render(problem, file: path),
                    to: .standardError
                )
            }
            return nil
        }
    }

    /// Prints how an execution ended and returns the exit status for it.
    static func report(
        _ id: String,
        host: EngineHost,
        _ invocation: CommandInvocation
    ) throws -> Int32 {
        guard let record = try host.store.execution(id: id) else {
            throw CommandFailure("execution \(id) disappeared from the database")
        }
        let summary = ExecutionSummary(record)
        if invocation[Self.json] {
            invocation.terminal.write(RunCommand.json(summary).compactText + "\n")
        } else {
            invocation.terminal.write(RunCommand.describe(summary, database: host.database))
        }
        return summary.status == .succeeded ? 0 : 1
    }

    // MARK: - Input

    /// The execution input from `--input` or `--input-file`, refused when it
    /// is larger than an execution may take, before anything starts.
    static func readInput(_ invocation: CommandInvocation) throws -> JSONValue {
        let input = try readInputValue(invocation)
        let size = input.compactText.utf8.count
        guard size <= Interpreter.maximumPayloadBytes else {
            throw CommandUsageError(
                "the input is \(size) bytes of JSON; an execution takes at most "
                    + "\(Interpreter.maximumPayloadBytes) (256 KiB, as on AWS); pass a file path "
                    + "in the input instead"
            )
        }
        return input
    }

    private static func readInputValue(_ invocation: CommandInvocation) throws -> JSONValue {
        let inline = invocation[Self.input]
        let file = invocation[Self.inputFile]
        if inline != nil, file != nil {
            throw CommandUsageError("'--input' and '--input-file' cannot be used together")
        }
        if let inline {
            do {
                return try JSONValue(parsing: inline, file: "--input")
            } catch {
                throw CommandUsageError("'--input' is not valid JSON: \(error)")
            }
        }
        guard let file else { return .object(JSONObject()) }
        let data: Data?
        if file.text == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: file.absolutePath)
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw CommandUsageError("cannot read the input file '\(file.text)'")
        }
        do {
            return try JSONValue(parsing: text, file: file.text)
        } catch {
            throw CommandUsageError("the input file is not valid JSON: \(error)")
        }
    }

    // MARK: - Output

    /// The result object of `cairn run --json`, as DESIGN.md fixes it.
    static func json(_ summary: ExecutionSummary) -> JSONValue {
        var object = JSONObject()
        object["executionId"] = .string(summary.executionID)
        object["workflow"] = .string(summary.workflow)
        object["status"] = .string(summary.status.rawValue)
        object["startedAt"] = .string(Timestamps.iso(milliseconds: summary.startedAt))
        object["stoppedAt"] = summary.stoppedAt.map { .string(Timestamps.iso(milliseconds: $0)) }
            ?? .null
        object["input"] = summary.input
        object["output"] = summary.output ?? .null
        object["error"] = summary.error.map(JSONValue.string) ?? .null
        object["cause"] = summary.cause.map(JSONValue.string) ?? .null
        return .object(object)
    }

    static func describe(_ summary: ExecutionSummary, database: DatabaseLocation) -> String {
        let elapsed = (summary.stoppedAt ?? summary.startedAt) - summary.startedAt
        var text = "\(summary.status.rawValue) \(summary.workflow) in "
            + "\(ProgressPrinter.duration(elapsed))\n"
        text += "execution: \(summary.executionID)\n"
        if let error = summary.error { text += "error: \(error)\n" }
        if let cause = summary.cause { text += "cause: \(cause)\n" }
        if !database.isMemory {
            let dbOption = database.path == DatabaseLocation.defaultPath
                ? "" : " --db \(database.path)"
            text += "inspect: cairn execution show \(summary.executionID)\(dbOption)\n"
        }
        return text
    }
}
