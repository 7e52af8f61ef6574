// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import Synchronization

/// A child process that ran to its end, with everything it wrote.
///
/// ```swift
/// let result = try await RecordedProcess.run(
///     executable: "/usr/bin/env",
///     arguments: ["python3", "-c", "print(42)"],
///     in: folder.path(".")
/// )
/// #expect(result.standardOutput == "42\n")
/// ```
public struct RecordedProcess: Sendable {
    /// The exit status, or the number of the signal that ended the process.
    public var status: Int32
    /// Whether a signal ended the process (then `status` is its number).
    public var wasSignalled: Bool
    /// Whether the process outlived its timeout and was killed.
    public var timedOut: Bool
    /// What it wrote to standard output, decoded as UTF-8.
    public var standardOutput: String
    /// What it wrote to standard error, decoded as UTF-8.
    public var standardError: String
    /// How long it ran.
    public var duration: Duration

    /// Runs a program to its end and records its output.
    ///
    /// Standard input comes from a temporary file, so a program that never
    /// reads it cannot make the writer fail; standard output and error are
    /// read in full while the program runs.
    ///
    /// - Parameters:
    ///   - executable: The program's absolute path.
    ///   - arguments: The arguments after the program name.
    ///   - directory: The working directory.
    ///   - environment: The whole environment of the program.
    ///   - standardInput: The text on standard input; empty reads `/dev/null`.
    ///   - timeout: When the program is killed with `SIGKILL`.
    /// - Returns: The exit status and output.
    /// - Throws: The error of `Process.run()` when the program cannot start.
    public static func run(
        executable: String,
        arguments: [String],
        in directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        standardInput: String = "",
        timeout: Duration = .seconds(60)
    ) async throws -> RecordedProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)

        let input = try InputFile(text: standardInput)
        defer { input.remove() }
        process.standardInput = input.handle
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error

        let collected = Collected()
        let group = DispatchGroup()
        group.enter()
        process.terminationHandler = { _ in
            collected.state.withLock { $0.hasExited = true }
            group.leave()
        }
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        collected.read(output.fileHandleForReading, into: .output, group: group)
        collected.read(error.fileHandleForReading, into: .error, group: group)
        let timer = collected.killer(pid: process.processIdentifier)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval, execute: timer)

        await withCheckedContinuation { continuation in
            group.notify(queue: .global()) { continuation.resume() }
        }
        timer.cancel()
        let state = collected.state.withLock { $0 }
        return RecordedProcess(
            status: process.terminationStatus,
            wasSignalled: process.terminationReason == .uncaughtSignal,
            timedOut: state.timedOut,
            standardOutput: String(decoding: state.output, as: UTF8.self),
            standardError: String(decoding: state.error, as: UTF8.self),
            duration: clock.now - start
        )
    }
}

// MARK: - Plumbing

extension RecordedProcess {
    /// What the reader threads and the timer share while the process runs.
    private final class Collected: Sendable {
        struct State {
            var output = Data()
            var error = Data()
            var hasExited = false
            var timedOut = false
        }

        enum Stream {
            case output
            case error
        }

        let state = Mutex(State())

        func read(_ handle: FileHandle, into stream: Stream, group: DispatchGroup) {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                self.state.withLock { state in
                    switch stream {
                    case .output: state.output = data
                    case .error: state.error = data
                    }
                }
                group.leave()
            }
        }

        func killer(pid: Int32) -> DispatchWorkItem {
            DispatchWorkItem {
                self.state.withLock { state in
                    guard !state.hasExited else { return }
                    state.timedOut = true
                    kill(pid, SIGKILL)
                }
            }
        }
    }

    /// Standard input as a temporary file.
    private struct InputFile {
        let handle: FileHandle
        let path: String?

        init(text: String) throws {
            guard !text.isEmpty else {
                self.handle = FileHandle.nullDevice
                self.path = nil
                return
            }
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("cairn-stdin-\(UUID().uuidString)").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CocoaError(.fileReadUnknown)
            }
            self.handle = handle
            self.path = path
        }

        func remove() {
            guard let path else { return }
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

extension Duration {
    /// The duration in seconds, as Dispatch counts time.
    fileprivate var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
