// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import Foundation

/// `cairn execution`: the group of commands over stored executions.
struct ExecutionCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "execution",
            abstract: "See, follow, stop and redrive stored executions.",
            subcommands: [
                ExecutionListCommand(),
                ExecutionShowCommand(),
                ExecutionHistoryCommand(),
                ExecutionWatchCommand(),
                ExecutionStopCommand(),
                ExecutionRedriveCommand(),
            ]
        )
    }
}

extension ExecutionStatus: ArgumentValue {}

/// Finds an execution by its full id, or by a prefix that names only one.
enum ExecutionLookup {
    static let id = Argument.positional(
        "execution-id",
        as: String.self,
        help: "The execution's id, or a unique prefix of it."
    )

    static func find(_ id: String, in store: any Store) throws -> ExecutionRecord {
        if let record = try store.execution(id: id) { return record }
        let matches = try store.executions(matching: ExecutionFilter())
            .filter { $0.id.hasPrefix(id) || $0.name == id }
        guard matches.count == 1, let record = matches.first else {
            throw CommandFailure(
                matches.isEmpty
                    ? "no execution '\(id)' in this database (see 'cairn execution list')"
                    : "'\(id)' matches \(matches.count) executions; give more of the id"
            )
        }
        return record
    }

    /// An execution record as `--json` prints it.
    static func json(_ record: ExecutionRecord, includeData: Bool = true) -> JSONValue {
        var object = JSONObject()
        object["executionId"] = .string(record.id)
        object["name"] = .string(record.name)
        object["workflow"] = .string(record.workflowName)
        object["workflowFile"] = record.workflowFilePath.map(JSONValue.string) ?? .null
        object["status"] = .string(record.status.rawValue)
        object["startedAt"] = .string(Timestamps.iso(record.startedAt))
        object["stoppedAt"] = record.stoppedAt.map { .string(Timestamps.iso($0)) } ?? .null
        if includeData {
            object["input"] = record.input
            object["output"] = record.output ?? .null
        }
        object["error"] = record.error.map(JSONValue.string) ?? .null
        object["cause"] = record.cause.map(JSONValue.string) ?? .null
        object["redriveCount"] = .number(JSONNumber(record.redriveCount))
        object["trigger"] = record.triggerName.map(JSONValue.string) ?? .null
        object["triggerDueAt"] = record.triggerDueAt.map { .string(Timestamps.iso($0)) } ?? .null
        object["parentExecutionId"] = record.parentExecutionID.map(JSONValue.string) ?? .null
        object["definitionSHA256"] = .string(record.definitionSHA256)
        return .object(object)
    }

    static func duration(_ record: ExecutionRecord, now: Date = Date()) -> String {
        let end = record.stoppedAt ?? now
        let milliseconds = Int64((end.timeIntervalSince(record.startedAt) * 1000).rounded())
        return ProgressPrinter.duration(milliseconds)
    }
}

/// `cairn execution list`.
struct ExecutionListCommand: Command {
    static let status = Argument.option(
        "--status",
        valueName: "status",
        as: ExecutionStatus.self,
        help: "Only executions with this status."
    )
    static let workflow = Argument.option(
        "--workflow",
        valueName: "name",
        as: String.self,
        help: "Only executions of this workflow."
    )
    static let limit = Argument.option(
        "--limit",
        valueName: "n",
        default: 50,
        help: "Show at most this many executions."
    )
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "list",
            abstract: "List executions, newest first.",
            arguments: [Self.status, Self.workflow, Self.limit, DatabaseLocation.option, Self.json]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let limit = invocation[Self.limit]
        guard limit > 0 else { throw CommandUsageError("'--limit' must be at least 1") }
        let database = DatabaseLocation(invocation)
        let records: [ExecutionRecord]
        if database.exists {
            records = try database.open().executions(
                status: invocation[Self.status],
                workflow: invocation[Self.workflow],
                limit: limit
            )
        } else {
            records = []
        }
        if invocation[Self.json] {
            let list = JSONValue.array(records.map {
                ExecutionLookup.json($0, includeData: false)
            })
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        guard !records.isEmpty else {
            invocation.terminal.write("No executions match.\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("EXECUTION", isTruncatable: false),
            Table.Column("WORKFLOW", isTruncatable: false),
            Table.Column("STATUS", isTruncatable: false, style: ExecutionListCommand.style),
            Table.Column("STARTED", isTruncatable: false),
            Table.Column("DURATION", alignment: .right, isTruncatable: false),
            Table.Column("ERROR"),
        ])
        for record in records {
            table.append([
                record.id,
                record.workflowName,
                record.status.rawValue,
                TerminalFormat.timestamp(record.startedAt),
                ExecutionLookup.duration(record),
                record.error ?? "",
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }

    @Sendable
    static func style(_ status: String) -> Terminal.Style? {
        switch status {
        case "SUCCEEDED": .green
        case "RUNNING": .blue
        default: .red
        }
    }
}

/// `cairn execution show ID`.
struct ExecutionShowCommand: Command {
    static let json = Argument.flag("--json", help: "Print the execution as a JSON object.")
    static let data = Argument.flag(
        "--data",
        help: "Also show the input and output (hidden by default: they may hold secrets)."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "show",
            abstract: "Show one execution: its status, timing, error and, on request, data.",
            arguments: [DatabaseLocation.option, Self.json, Self.data, ExecutionLookup.id]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let store = try DatabaseLocation(invocation).openExisting()
        let record = try ExecutionLookup.find(invocation[ExecutionLookup.id], in: store)
        if invocation[Self.json] {
            invocation.terminal.write(ExecutionLookup.json(record).prettyText + "\n")
            return 0
        }
        var lines: [(String, String)] = [
            ("Execution", record.id),
            ("Name", record.name),
            ("Workflow", record.workflowName),
            ("File", record.workflowFilePath ?? "-"),
            ("Status", record.status.rawValue),
            ("Started", TerminalFormat.timestamp(record.startedAt)),
            ("Stopped", record.stoppedAt.map { TerminalFormat.timestamp($0) } ?? "-"),
            ("Duration", ExecutionLookup.duration(record)),
        ]
        if let error = record.error { lines.append(("Error", error)) }
        if let cause = record.cause { lines.append(("Cause", cause)) }
        if record.redriveCount > 0 { lines.append(("Redrives", String(record.redriveCount))) }
        if let trigger = record.triggerName {
            let due = record.triggerDueAt.map { " (due \(TerminalFormat.timestamp($0)))" } ?? ""
            lines.append(("Trigger", trigger + due))
        }
        if let parent = record.parentExecutionID { lines.append(("Parent", parent)) }
        lines.append(("Definition", "sha256:" + String(record.definitionSHA256.prefix(16))))
        var text = lines.map { label, value in
            label.padding(toLength: 11, withPad: " ", startingAt: 0) + value
        }.joined(separator: "\n") + "\n"
        if invocation[Self.data] {
            text += "Input:\n\(record.input.prettyText)\n"
            text += "Output:\n\((record.output ?? .null).prettyText)\n"
        }
        invocation.terminal.write(text)
        return 0
    }
}
