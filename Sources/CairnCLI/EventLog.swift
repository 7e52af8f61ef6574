// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnInterpreter
import CairnRuntime
import Foundation

/// The daemon's log: one line per execution event and per notable happening,
/// on stderr, as `key=value` text or as JSON objects.
///
/// Lines carry names and ids, never execution input or output.
struct EventLog: ExecutionObserver {
    let format: ServeCommand.LogFormat

    func recorded(_ events: [HistoryEntry], executionID: String) {
        for event in events {
            var metadata: [(String, String)] = [
                ("cairn.execution.id", executionID),
                ("cairn.event.id", String(event.id)),
                ("cairn.event.type", event.type),
            ]
            if let name = event.details["name"]?.stringValue {
                metadata.append(("cairn.state.name", name))
            }
            if let error = event.details["error"]?.stringValue {
                metadata.append(("cairn.error", error))
            }
            write(level: "info", message: "execution event", metadata, at: event.timestamp)
        }
    }

    func timerFiredLate(executionID: String, timerID: String, lateness: Int64) {
        write(level: "warning", message: "timer fired late", [
            ("cairn.execution.id", executionID),
            ("cairn.timer.id", timerID),
            ("cairn.lateness", ProgressPrinter.duration(lateness)),
        ])
    }

    func notice(_ message: String, _ metadata: [String: String]) {
        write(level: "notice", message: message, metadata.sorted { $0.key < $1.key })
    }

    func warning(_ message: String, _ metadata: [String: String]) {
        write(level: "warning", message: message, metadata.sorted { $0.key < $1.key })
    }

    private func write(
        level: String,
        message: String,
        _ metadata: [(String, String)],
        at milliseconds: Int64? = nil
    ) {
        let time = Timestamps.iso(
            milliseconds: milliseconds ?? Int64((Date().timeIntervalSince1970 * 1000).rounded())
        )
        let line: String
        switch format {
        case .json:
            var object = JSONObject()
            object["time"] = .string(time)
            object["level"] = .string(level)
            object["message"] = .string(message)
            for (key, value) in metadata { object[key] = .string(value) }
            line = JSONValue.object(object).compactText
        case .text:
            var text = "\(time) \(level) \(message)"
            for (key, value) in metadata {
                let quoted = value.contains(" ") ? "\"\(value)\"" : value
                text += " \(key)=\(quoted)"
            }
            line = text
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
