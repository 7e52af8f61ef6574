// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnInterpreter
import CairnRuntime
import Foundation
import Synchronization

/// Shows a person on stderr each state as it starts and ends, with how long
/// it took, while `cairn run` works.
final class ProgressPrinter: ExecutionObserver {
    /// When the states now running were entered, by state name; a name runs
    /// several times at once in Map iterations and Parallel branches, and
    /// they end in the order they began closely enough for a progress line.
    private let entered = Mutex<[String: [Int64]]>([:])
    /// Whether the last task failure was not yet followed by a state's exit.
    private let failed = Mutex(false)
    private let write: @Sendable (String) -> Void

    init(write: @escaping @Sendable (String) -> Void = ProgressPrinter.writeToStandardError) {
        self.write = write
    }

    @Sendable
    static func writeToStandardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func recorded(_ events: [HistoryEntry], executionID: String) {
        for event in events {
            if let line = describe(event) { write(line) }
        }
    }

    private func describe(_ event: HistoryEntry) -> String? {
        let name = event.details["name"]?.stringValue ?? ""
        switch event.type {
        case "ExecutionStarted":
            return "started execution"
        case _ where event.type.hasSuffix("StateEntered"):
            failed.withLock { $0 = false }
            entered.withLock { $0[name, default: []].append(event.timestamp) }
            let type = event.type.dropLast("StateEntered".count)
            return "  → \(name) (\(type))"
        case _ where event.type.hasSuffix("StateExited"):
            let start = entered.withLock { times in
                times[name]?.isEmpty == false ? times[name]?.removeFirst() : nil
            }
            let duration = start.map { Self.duration(event.timestamp - $0) } ?? ""
            let caught = failed.withLock { wasFailed in
                defer { wasFailed = false }
                return wasFailed
            }
            return caught ? "  ↪ \(name) \(duration), error caught" : "  ✓ \(name) \(duration)"
        case "TaskFailed", "TaskTimedOut":
            failed.withLock { $0 = true }
            let error = event.details["error"]?.stringValue ?? "error"
            let cause = event.details["cause"]?.stringValue ?? ""
            let firstLine = cause.split(separator: "\n").first.map(String.init) ?? ""
            return "  ✗ \(error)" + (firstLine.isEmpty ? "" : ": \(firstLine)")
        case "ExecutionSucceeded":
            return "execution SUCCEEDED"
        case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted":
            let status =
                switch event.type {
                case "ExecutionFailed": "FAILED"
                case "ExecutionTimedOut": "TIMED_OUT"
                default: "ABORTED"
                }
            let error = event.details["error"]?.stringValue ?? ""
            return "execution \(status)" + (error.isEmpty ? "" : ": \(error)")
        default:
            return nil
        }
    }

    /// `0.42s`, `12.3s`, `2m03s`: a fixed shape below ten seconds, so that
    /// columns of short durations line up.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = Double(milliseconds) / 1000
        if seconds < 10 { return String(format: "%.2fs", seconds) }
        return TerminalFormat.duration(seconds: seconds)
    }
}
