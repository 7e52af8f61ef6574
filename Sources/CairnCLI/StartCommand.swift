// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnRuntime
import CairnStorage
import Foundation

/// `cairn start FILE`: queues an execution, and with `--wait` runs it to its end.
struct StartCommand: Command {
    static let wait = Argument.flag(
        "--wait",
        help: "Run the execution to its end here (or follow it when a daemon runs it)."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "start",
            abstract: "Start an execution of a workflow and print its id.",
            discussion: """
                The execution is stored at once with the definition it starts with. A \
                running 'cairn serve' on the same database picks it up; without one, it \
                waits for the next 'cairn serve' or 'cairn start --wait'. A name is unique \
                per workflow: starting the same name with the same input again prints the \
                same execution; with another input it is an error.
                """,
            arguments: [
                RunCommand.input, RunCommand.inputFile, RunCommand.name, DatabaseLocation.option,
                Self.wait, RunCommand.json, RunCommand.quiet, RunCommand.file,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let input = try RunCommand.readInput(invocation)
        guard let workflow = try RunCommand.loadWorkflow(invocation) else { return 2 }
        let host = try EngineHost(DatabaseLocation(invocation))
        let waits = invocation[Self.wait]
        let observer: ProgressPrinter? =
            waits && !invocation[RunCommand.quiet] ? ProgressPrinter() : nil
        let engine = host.makeEngine(observer: observer)
        let started: Engine.Started
        do {
            started = try await engine.start(
                workflow,
                input: input,
                name: invocation[RunCommand.name],
                claim: waits && host.ownsExecutions
            )
        } catch let error as CairnRuntimeError where error.code == .nameTaken {
            throw CommandUsageError(error.message)
        }
        let id = started.record.id
        guard waits else {
            if invocation[RunCommand.json] {
                let result: JSONValue = [
                    "executionId": .string(id), "isNew": .bool(started.isNew),
                    "status": .string(started.record.status.rawValue),
                ]
                invocation.terminal.write(result.compactText + "\n")
            } else {
                invocation.terminal.write(id + "\n")
            }
            if host.ownsExecutions, !started.record.status.isTerminal {
                invocation.terminal.write(
                    "queued: no daemon runs on \(host.database.path); 'cairn serve' or "
                        + "'cairn start --wait' will run it\n",
                    to: .standardError
                )
            }
            return 0
        }
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
}
