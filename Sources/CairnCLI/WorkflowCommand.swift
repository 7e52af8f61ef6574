// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import Foundation

/// `cairn workflow list`: workflows as executions pinned them.
struct WorkflowCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "workflow",
            abstract: "See the workflows that ran and the versions executions pinned.",
            subcommands: [WorkflowListCommand()]
        )
    }
}

struct WorkflowListCommand: Command {
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "list",
            abstract: "List each workflow version (by definition hash) with its execution counts.",
            arguments: [DatabaseLocation.option, Self.json]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let database = DatabaseLocation(invocation)
        let summaries = database.exists ? try database.open().workflowSummaries() : []
        if invocation[Self.json] {
            let list = JSONValue.array(summaries.map { summary in
                [
                    "workflow": .string(summary.name),
                    "definitionSHA256": .string(summary.definitionSHA256),
                    "file": summary.workflowFilePath.map(JSONValue.string) ?? .null,
                    "executions": .number(JSONNumber(summary.executionCount)),
                    "running": .number(JSONNumber(summary.runningCount)),
                    "failed": .number(JSONNumber(summary.failedCount)),
                    "firstStartedAt": .string(Timestamps.iso(summary.firstStartedAt)),
                    "lastStartedAt": .string(Timestamps.iso(summary.lastStartedAt)),
                ]
            })
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        guard !summaries.isEmpty else {
            invocation.terminal.write("No workflow has run on this database.\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("WORKFLOW", isTruncatable: false),
            Table.Column("VERSION", isTruncatable: false),
            Table.Column("EXECUTIONS", alignment: .right, isTruncatable: false),
            Table.Column("RUNNING", alignment: .right, isTruncatable: false),
            Table.Column("FAILED", alignment: .right, isTruncatable: false),
            Table.Column("LAST STARTED", isTruncatable: false),
            Table.Column("FILE"),
        ])
        for summary in summaries {
            table.append([
                summary.name,
                "sha256:" + String(summary.definitionSHA256.prefix(12)),
                String(summary.executionCount),
                String(summary.runningCount),
                String(summary.failedCount),
                TerminalFormat.timestamp(summary.lastStartedAt),
                summary.workflowFilePath ?? "-",
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }
}
