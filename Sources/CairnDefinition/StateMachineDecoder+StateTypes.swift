// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

extension StateMachineDecoder {
    /// Decodes the fields only one state type has.
    mutating func decodeType(
        _ typeName: String,
        of state: State,
        in fields: FieldSet,
        references: inout [Reference]
    ) -> StateType {
        let language = state.queryLanguage
        switch typeName {
        case "Pass":
            return .pass(PassState(result: fields["Result"]))
        case "Task":
            return .task(decodeTask(of: state, in: fields))
        case "Choice":
            return .choice(
                decodeChoice(
                    of: state.name,
                    in: fields,
                    language: language,
                    references: &references
                )
            )
        case "Wait":
            return .wait(decodeWait(of: state.name, in: fields, language: language))
        case "Fail":
            return .fail(decodeFail(in: fields, language: language))
        case "Parallel":
            return .parallel(decodeParallel(of: state.name, in: fields))
        case "Map":
            return .map(decodeMap(of: state.name, in: fields, language: language))
        default:
            return .succeed
        }
    }

    // MARK: - Task

    private mutating func decodeTask(of state: State, in fields: FieldSet) -> TaskState {
        let resource = readString("Resource", in: fields)
        if fields["Resource"] == nil {
            report("Task state '\(state.name)' needs a Resource", atKey: fields.path)
        }
        if let resource {
            checkResource(resource, of: state, in: fields)
        }
        var task = TaskState(resource: resource ?? "")
        task.timeoutSeconds = readDynamicInteger(
            "TimeoutSeconds",
            in: fields,
            minimum: 1,
            language: state.queryLanguage
        )
        task.heartbeatSeconds = readDynamicInteger(
            "HeartbeatSeconds",
            in: fields,
            minimum: 1,
            language: state.queryLanguage
        )
        if case .literal(let timeout) = task.timeoutSeconds,
            case .literal(let heartbeat) = task.heartbeatSeconds, heartbeat >= timeout
        {
            report(
                "HeartbeatSeconds (\(heartbeat)) must be smaller than TimeoutSeconds (\(timeout))",
                atValue: fields.path("HeartbeatSeconds")
            )
        }
        return task
    }

    /// A setting written as `Key` (a literal, or `{% %}` in JSONata) or as
    /// `KeyPath` (a reference path), but not both.
    mutating func readDynamicInteger(
        _ key: String,
        in fields: FieldSet,
        minimum: Int,
        language: QueryLanguage
    ) -> DynamicInteger? {
        let pathKey = key + "Path"
        if fields[key] != nil, fields[pathKey] != nil {
            report("a state cannot have both \(key) and \(pathKey)", atKey: fields.path(pathKey))
            return nil
        }
        if let path = readReferencePath(pathKey, in: fields) {
            return .path(path)
        }
        switch language {
        case .jsonPath:
            return readInteger(key, in: fields, minimum: minimum).map { .literal($0) }
        case .jsonata:
            return readJSONataInteger(key, in: fields, minimum: minimum)
        }
    }

    // MARK: - Wait

    private mutating func decodeWait(
        of name: String,
        in fields: FieldSet,
        language: QueryLanguage
    ) -> WaitState {
        let keys = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"]
        let present = keys.filter { fields[$0] != nil }
        guard present.count == 1, let key = present.first else {
            if present.isEmpty {
                report(
                    "Wait state '\(name)' needs one of Seconds, SecondsPath, Timestamp "
                        + "or TimestampPath",
                    atKey: fields.path
                )
            } else {
                report(
                    "a Wait state takes only one of Seconds, SecondsPath, Timestamp and "
                        + "TimestampPath, found \(present.joined(separator: " and "))",
                    atKey: fields.path(present[1])
                )
            }
            return WaitState(duration: .seconds(.literal(0)))
        }
        switch key {
        case "Seconds", "SecondsPath":
            let seconds = readDynamicInteger("Seconds", in: fields, minimum: 0, language: language)
            return WaitState(duration: .seconds(seconds ?? .literal(0)))
        case "TimestampPath":
            let path = readReferencePath(key, in: fields)
            return WaitState(duration: path.map { .timestampPath($0) } ?? .timestamp(""))
        default:
            return WaitState(duration: readTimestamp(in: fields, language: language))
        }
    }

    private mutating func readTimestamp(
        in fields: FieldSet,
        language: QueryLanguage
    ) -> WaitState.Duration {
        guard let text = readString("Timestamp", in: fields) else { return .timestamp("") }
        if language == .jsonata, text.hasPrefix("{%") {
            checkJSONata(.string(text), field: "Timestamp", at: fields.path("Timestamp"))
            return .timestampExpression(text)
        }
        if !Self.isTimestamp(text) {
            report(
                "Timestamp must be an ISO 8601 date and time such as "
                    + "'2026-01-31T02:00:00Z', found '\(text)'",
                atValue: fields.path("Timestamp")
            )
        }
        return .timestamp(text)
    }

    /// Whether `text` reads as an RFC 3339 timestamp with a time zone.
    static func isTimestamp(_ text: String) -> Bool {
        let pattern =
            #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    // MARK: - Fail

    private mutating func decodeFail(in fields: FieldSet, language: QueryLanguage) -> FailState {
        FailState(
            error: readFailText("Error", in: fields, language: language),
            cause: readFailText("Cause", in: fields, language: language)
        )
    }

    private mutating func readFailText(
        _ key: String,
        in fields: FieldSet,
        language: QueryLanguage
    ) -> FailState.Text? {
        let pathKey = key + "Path"
        if fields[key] != nil, fields[pathKey] != nil {
            report(
                "a Fail state cannot have both \(key) and \(pathKey)",
                atKey: fields.path(pathKey)
            )
            return nil
        }
        if let template = readPathOrIntrinsic(pathKey, in: fields) {
            return .path(template)
        }
        guard let text = readString(key, in: fields) else { return nil }
        if language == .jsonata, text.hasPrefix("{%") {
            checkJSONata(.string(text), field: key, at: fields.path(key))
            return .jsonata(text)
        }
        return .literal(text)
    }

    // MARK: - Parallel

    private mutating func decodeParallel(of name: String, in fields: FieldSet) -> ParallelState {
        guard let value = fields["Branches"] else {
            report("Parallel state '\(name)' needs Branches", atKey: fields.path)
            return ParallelState(branches: [])
        }
        guard let elements = value.arrayValue, !elements.isEmpty else {
            report(
                "Branches must be a non-empty array of state machines, found "
                    + Self.describe(value),
                atValue: fields.path("Branches")
            )
            return ParallelState(branches: [])
        }
        let branches = elements.enumerated().map { index, element in
            decodeMachine(element, at: fields.path("Branches") + [.index(index)], scope: .branch)
        }
        return ParallelState(branches: branches)
    }
}
