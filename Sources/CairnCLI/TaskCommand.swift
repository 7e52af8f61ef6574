// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnRuntime
import CairnStorage
import Foundation

/// `cairn task`: report on callback tasks (`.waitForTaskToken`).
struct TaskCommand: Command {
    static let token = Argument.positional(
        "token",
        as: String.self,
        help: "The task token ($$.Task.Token) the task was given."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "task",
            abstract: "Complete or keep alive a task that waits for a callback.",
            subcommands: [TaskSuccessCommand(), TaskFailureCommand(), TaskHeartbeatCommand()]
        )
    }

    /// Finds the waiting task of a token and hands it the request.
    static func submit(
        _ request: ControlRequest,
        token: String,
        _ invocation: CommandInvocation
    ) async throws -> Int32 {
        let verb =
            switch request {
            case .taskSuccess: "told that its task \(token.prefix(8))… succeeded"
            case .taskFailure: "told that its task \(token.prefix(8))… failed"
            case .taskHeartbeat: "told that its task \(token.prefix(8))… is alive"
            default: "told about its task"
            }
        let host = try EngineHost(DatabaseLocation(invocation).requireExisting())
        guard let item = try host.store.workItem(token: token) else {
            throw CommandFailure(
                "no task waits for the token '\(token)': it is unknown, or its task has ended"
            )
        }
        try await host.submit(request, executionID: item.executionID)
        invocation.terminal.write(
            ExecutionControl.outcome(
                of: item.executionID,
                host: host,
                verb
            )
        )
        return 0
    }
}

struct TaskSuccessCommand: Command {
    static let output = Argument.option(
        "--output",
        valueName: "json",
        default: "{}",
        help: "The task's result as JSON text."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "success",
            abstract: "Report that a callback task succeeded, with its output.",
            arguments: [Self.output, DatabaseLocation.option, TaskCommand.token]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let output: JSONValue
        do {
            output = try JSONValue(parsing: invocation[Self.output], file: "--output")
        } catch {
            throw CommandUsageError("'--output' is not valid JSON: \(error)")
        }
        let token = invocation[TaskCommand.token]
        return try await TaskCommand.submit(
            .taskSuccess(token: token, output: output),
            token: token,
            invocation
        )
    }
}

struct TaskFailureCommand: Command {
    static let error = Argument.option(
        "--error", valueName: "name", as: String.self,
        help: "The error name the task fails with; the state's Retry and Catch match it."
    )
    static let cause = Argument.option(
        "--cause", valueName: "text", as: String.self, help: "What went wrong."
    )

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "failure",
            abstract:
                "Report that a callback task failed, with an error name Retry and Catch match.",
            arguments: [
                Self.error, Self.cause, DatabaseLocation.option, TaskCommand.token,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let token = invocation[TaskCommand.token]
        return try await TaskCommand.submit(
            .taskFailure(
                token: token,
                error: invocation[Self.error],
                cause: invocation[Self.cause]
            ),
            token: token,
            invocation
        )
    }
}

struct TaskHeartbeatCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "heartbeat",
            abstract: "Tell a callback task's HeartbeatSeconds that it is still alive.",
            arguments: [DatabaseLocation.option, TaskCommand.token]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let token = invocation[TaskCommand.token]
        return try await TaskCommand.submit(.taskHeartbeat(token: token), token: token, invocation)
    }
}
