// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnStorage
import CairnTriggers
import Foundation

/// The triggers declared in the workflow files of a folder.
enum WorkflowTriggers {
    static let directory = Argument.option(
        "--workflows",
        valueName: "dir",
        default: "Workflows",
        help: "The folder of workflow files whose triggers to use."
    )

    /// Every trigger of the workflow files directly inside `directory`, and
    /// the problems of files whose triggers do not load.
    static func load(from directory: String) -> (triggers: [TriggerDefinition], problems: [String])
    {
        var triggers: [TriggerDefinition] = []
        var problems: [String] = []
        for path in files(in: directory) ?? [] {
            guard let workflow = try? WorkflowLoader.load(path: path) else { continue }
            do {
                triggers += try TriggerDefinition.all(in: workflow)
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        return (triggers, problems)
    }

    /// The workflow files (YAML or JSON) directly inside `directory`, sorted;
    /// `nil` when the folder cannot be read.
    static func files(in directory: String) -> [String]? {
        let url = URL(fileURLWithPath: directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            return nil
        }
        return names.filter { name in [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) }
            .sorted()
            .map { url.appendingPathComponent($0).path }
    }

    /// The trigger `name` or `WORKFLOW/NAME`.
    static func find(_ name: String, in triggers: [TriggerDefinition]) throws -> TriggerDefinition {
        let matches = triggers.filter { $0.qualifiedName == name || $0.name == name }
        guard let match = matches.first else {
            throw CommandUsageError("no trigger named '\(name)' (see 'cairn trigger list')")
        }
        guard matches.count == 1 else {
            throw CommandUsageError(
                "'\(name)' names triggers of several workflows; write WORKFLOW/\(name)"
            )
        }
        return match
    }
}

/// `cairn trigger`: what triggers will do and what they did.
struct TriggerCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "trigger",
            abstract: "See triggers, their next and last fires, and their history.",
            subcommands: [TriggerListCommand(), TriggerHistoryCommand()]
        )
    }
}

struct TriggerListCommand: Command {
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "list",
            abstract: "List triggers with their state, next or last fire and recent executions.",
            arguments: [WorkflowTriggers.directory, DatabaseLocation.option, Self.json]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let (triggers, problems) = WorkflowTriggers.load(
            from: invocation[WorkflowTriggers.directory]
        )
        for problem in problems { invocation.terminal.write(problem + "\n", to: .standardError) }
        let database = DatabaseLocation(invocation)
        let store = database.exists ? try database.open() : nil
        let now = Date()
        var rows: [JSONValue] = []
        for trigger in triggers {
            let state = try store?.triggerState(trigger.qualifiedName)
            let fires = try store?.triggerFires(trigger.qualifiedName, limit: 5) ?? []
            var row = JSONObject()
            row["trigger"] = .string(trigger.qualifiedName)
            row["type"] = .string(trigger.kind.name)
            row["state"] = .string(
                !trigger.isEnabled ? "disabled" : (state?.isPaused ?? false) ? "paused" : "active"
            )
            row["next"] = nextFire(
                trigger, after: max(now, state?.lastDueAt ?? now), lastDue: state?.lastDueAt
            )
            row["lastFire"] = fires.first.map { .string(Timestamps.iso($0.firedAt)) } ?? .null
            row["lastOutcome"] = fires.first.map { .string($0.outcome.rawValue) } ?? .null
            row["recentExecutions"] = .array(fires.compactMap(\.executionID).map(JSONValue.string))
            rows.append(.object(row))
        }
        if invocation[Self.json] {
            invocation.terminal.write(JSONValue.array(rows).prettyText + "\n")
            return 0
        }
        guard !rows.isEmpty else {
            invocation.terminal.write("No triggers are declared in the workflow files.\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("TRIGGER", isTruncatable: false),
            Table.Column("TYPE", isTruncatable: false),
            Table.Column("STATE", isTruncatable: false),
            Table.Column("NEXT", isTruncatable: false),
            Table.Column("LAST FIRE", isTruncatable: false),
            Table.Column("OUTCOME", isTruncatable: false),
            Table.Column("RECENT EXECUTIONS"),
        ])
        for row in rows {
            table.append([
                row["trigger"]?.stringValue ?? "",
                row["type"]?.stringValue ?? "",
                row["state"]?.stringValue ?? "",
                row["next"]?.stringValue ?? "-",
                row["lastFire"]?.stringValue ?? "-",
                row["lastOutcome"]?.stringValue ?? "-",
                (row["recentExecutions"]?.arrayValue ?? []).compactMap(\.stringValue)
                    .map { String($0.prefix(8)) }.joined(separator: " "),
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }

    private func nextFire(
        _ trigger: TriggerDefinition,
        after date: Date,
        lastDue: Date?
    ) -> JSONValue {
        switch trigger.kind {
        case .schedule(let schedule):
            var plan = schedule.schedule
            // A rate counts from the last fire the daemon handled, as the daemon does.
            if plan.start == nil { plan.start = lastDue }
            guard let next = plan.nextFireTimes(after: date, count: 1).first else {
                return .null
            }
            return .string(ScheduleTimestamp.utc(next.instant))
        case .file(let fileDrop):
            return .string("when a file lands in \(fileDrop.configuration.directory)")
        case .registry(let registry):
            let events = registry.events.map(\.rawValue).sorted().joined(separator: "/")
            return .string("when a model is \(events)")
        }
    }
}

struct TriggerHistoryCommand: Command {
    static let name = Argument.positional(
        "name",
        as: String.self,
        help: "The trigger, as NAME or WORKFLOW/NAME."
    )
    static let limit = Argument.option(
        "--limit",
        valueName: "n",
        default: 50,
        help: "Show at most this many fires."
    )
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "history",
            abstract: "Show what a trigger fired when, and why a fire started nothing.",
            arguments: [
                WorkflowTriggers.directory, DatabaseLocation.option, Self.limit, Self.json,
                Self.name,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let (triggers, _) = WorkflowTriggers.load(from: invocation[WorkflowTriggers.directory])
        let name = invocation[Self.name]
        let qualified = (try? WorkflowTriggers.find(name, in: triggers).qualifiedName) ?? name
        let database = DatabaseLocation(invocation)
        let fires =
            database.exists
            ? try database.open().triggerFires(qualified, limit: invocation[Self.limit]) : []
        if invocation[Self.json] {
            let list = JSONValue.array(
                fires.map { fire in
                    [
                        "trigger": .string(fire.triggerName),
                        "firedAt": .string(Timestamps.iso(fire.firedAt)),
                        "dueAt": fire.dueAt.map { .string(Timestamps.iso($0)) } ?? .null,
                        "outcome": .string(fire.outcome.rawValue),
                        "executionId": fire.executionID.map(JSONValue.string) ?? .null,
                        "detail": fire.detail,
                    ]
                }
            )
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        guard !fires.isEmpty else {
            invocation.terminal.write("'\(qualified)' has not fired on this database.\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("FIRED", isTruncatable: false),
            Table.Column("DUE", isTruncatable: false),
            Table.Column("OUTCOME", isTruncatable: false),
            Table.Column("EXECUTION", isTruncatable: false),
            Table.Column("DETAIL"),
        ])
        for fire in fires {
            let detail =
                fire.detail["path"]?.stringValue ?? fire.detail["error"]?.stringValue
                ?? fire.detail["modelName"]?.stringValue ?? ""
            table.append([
                TerminalFormat.timestamp(fire.firedAt),
                fire.dueAt.map { TerminalFormat.timestamp($0) } ?? "-",
                fire.outcome.rawValue,
                fire.executionID ?? "-",
                detail,
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }
}

/// `cairn schedule pause NAME` and `cairn schedule resume NAME`.
struct SchedulePauseCommand: Command {
    let isPause: Bool

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: isPause ? "pause" : "resume",
            abstract: isPause
                ? "Stop a trigger from firing until it is resumed; its fires are recorded "
                    + "as skipped."
                : "Let a paused trigger fire again.",
            arguments: [
                WorkflowTriggers.directory, DatabaseLocation.option, TriggerHistoryCommand.name,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let (triggers, _) = WorkflowTriggers.load(from: invocation[WorkflowTriggers.directory])
        let trigger = try WorkflowTriggers.find(
            invocation[TriggerHistoryCommand.name],
            in: triggers
        )
        let store = try DatabaseLocation(invocation).open()
        try store.setTriggerPaused(trigger.qualifiedName, isPause, at: Date())
        invocation.terminal.write("\(trigger.qualifiedName): \(isPause ? "paused" : "resumed")\n")
        return 0
    }
}
