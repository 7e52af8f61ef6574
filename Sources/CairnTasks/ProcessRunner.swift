// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation
import Glibc

/// Runs programs for `cairn:exec` tasks: no shell, a process group of their
/// own, full output capture, a timeout and cancellation.
///
/// ```swift
/// let runner = ProcessRunner()
/// let result = try await runner.run(
///     ProcessRequest(command: ["./score.sh"], workingDirectory: "/srv/flows")
/// )
/// if result.isSuccess {
///     print(String(decoding: result.standardOutput, as: UTF8.self))
/// }
/// ```
///
/// Each run gets a dedicated thread that spawns the process and then sits in
/// a `poll(2)` loop over the process's pipes, its pidfd and a wake-up pipe.
/// A thread was chosen over `DispatchSource`s because the work is one
/// sequential state machine (write, read, time out, signal, reap) whose
/// order is easy to follow in one loop, and because the blocking calls
/// (`poll`, the final `waitpid`) must never run on Swift's cooperative
/// pool. A process is far heavier than a thread, so one thread per running
/// process costs little. `SIGPIPE` is blocked on that thread so that a child
/// that closes its standard input early yields `EPIPE`, not a dead host.
///
/// When the process exits, whatever is left of its process group is killed
/// with `SIGKILL`: background jobs a task forgets would otherwise hold its
/// output pipes open and outlive it. A descendant that left the group (with
/// `setsid`) is not tracked; the runner stops reading after the grace period.
public struct ProcessRunner: Sendable {
    /// The variables every process starts with, before the request's own.
    public var baseEnvironment: [String: String]

    /// Creates a runner whose processes inherit this process's environment.
    public init() {
        self.baseEnvironment = ProcessInfo.processInfo.environment
    }

    /// Creates a runner whose processes start from exactly these variables.
    public init(baseEnvironment: [String: String]) {
        self.baseEnvironment = baseEnvironment
    }

    /// Runs the process to its end and returns its status and output.
    ///
    /// A timeout is not an error: the result then has `timedOut` set and the
    /// signal that ended the process. Cancelling the calling task sends the
    /// process group `SIGTERM`, then `SIGKILL` after the grace period, and
    /// throws once the process has been reaped.
    ///
    /// - Parameter request: The command, its environment, directory and input.
    /// - Returns: How the process ended, its output and its run time.
    /// - Throws: ``ProcessRunnerError`` when the working directory is
    ///   missing or the command cannot be found, executed or spawned;
    ///   `CancellationError` when the task was cancelled.
    public func run(_ request: ProcessRequest) async throws -> ProcessResult {
        try Task.checkCancellation()
        let wakeup = try WakeupPipe()
        defer { wakeup.close() }
        let environment = self.baseEnvironment.merging(request.environment) { $1 }

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    continuation.resume(
                        with: Result {
                            try Self.runOnCurrentThread(request, environment, wakeup)
                        }
                    )
                }
                thread.name = "cairn.process"
                thread.start()
            }
        } onCancel: {
            wakeup.raise()
        }
    }

    /// Spawns, watches and reaps the process; blocks the calling thread.
    private static func runOnCurrentThread(
        _ request: ProcessRequest,
        _ environment: [String: String],
        _ wakeup: WakeupPipe
    ) throws -> ProcessResult {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)

        let workingDirectory = try ProcessSpawner.checkWorkingDirectory(request.workingDirectory)
        let executablePath = try ProcessSpawner.resolveExecutable(
            command: request.command,
            workingDirectory: workingDirectory,
            searchPath: environment["PATH"]
        )
        if wakeup.isRaised {
            throw CancellationError()
        }

        let start = ContinuousClock.now
        let process = try ProcessSpawner.spawn(
            executablePath: executablePath,
            arguments: request.command,
            environment: environment,
            workingDirectory: workingDirectory
        )
        var monitor = ProcessMonitor(process: process, request: request, wakeup: wakeup)
        let outcome = monitor.run()
        if outcome.wasCancelled {
            throw CancellationError()
        }
        return ProcessResult(
            termination: ProcessResult.Termination(waitStatus: outcome.waitStatus),
            standardOutput: outcome.standardOutput,
            standardError: outcome.standardError,
            droppedStandardErrorByteCount: outcome.droppedStandardErrorByteCount,
            duration: start.duration(to: .now),
            timedOut: outcome.timedOut
        )
    }
}
