// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnStorage
import Foundation

/// `cairn execution history ID`: the execution's events in order.
struct ExecutionHistoryCommand: Command {
    static let json = Argument.flag("--json", help: "Print the events as a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "history",
            abstract: "Show an execution's history, event by event, as Step Functions numbers it.",
            arguments: [DatabaseLocation.option, Self.json, ExecutionLookup.id]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let store = try DatabaseLocation(invocation).openExisting()
        let record = try ExecutionLookup.find(invocation[ExecutionLookup.id], in: store)
        let events = try store.history(executionID: record.id)
        if invocation[Self.json] {
            let list = JSONValue.array(events.map(ExecutionHistoryCommand.json))
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("ID", alignment: .right, isTruncatable: false),
            Table.Column("TYPE", isTruncatable: false),
            Table.Column("STATE", isTruncatable: false),
            Table.Column("ELAPSED", alignment: .right, isTruncatable: false),
            Table.Column("DETAIL"),
        ])
        for event in events {
            let elapsed = Int64((event.timestamp.timeIntervalSince(record.startedAt) * 1000)
                .rounded())
            table.append([
                String(event.id),
                event.type.rawValue,
                event.details["name"]?.stringValue ?? "",
                ProgressPrinter.duration(elapsed),
                ExecutionHistoryCommand.detail(event),
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }

    /// The one fact worth a glance: the error, or the resource a task ran.
    static func detail(_ event: HistoryEvent) -> String {
        if let error = event.details["error"]?.stringValue {
            let cause = event.details["cause"]?.stringValue ?? ""
            let firstLine = cause.split(separator: "\n").first.map(String.init) ?? ""
            return firstLine.isEmpty ? error : "\(error): \(firstLine)"
        }
        if let resource = event.details["resource"]?.stringValue { return resource }
        if let index = event.details["index"]?.numberValue { return "item \(index)" }
        return ""
    }

    static func json(_ event: HistoryEvent) -> JSONValue {
        var object = JSONObject()
        object["id"] = .number(JSONNumber(event.id))
        object["previousEventId"] = .number(JSONNumber(event.previousEventID))
        object["timestamp"] = .string(Timestamps.iso(event.timestamp))
        object["type"] = .string(event.type.rawValue)
        object["details"] = event.details
        return .object(object)
    }
}
