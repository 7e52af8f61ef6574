// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Foundation

extension Session {
    // MARK: - Scope

    /// What paths and templates of `state` see: `$` is `input`, `$$` the
    /// context object, `$name` the variables of this frame and its ancestors.
    func makeScope(
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue],
        mapItem: MapItem? = nil,
        taskToken: String? = nil
    ) -> EvaluationScope {
        // Randomness must replay identically, so it is drawn from a generator
        // seeded by the checkpoint and the state entry, never from the system.
        var seed = checkpoint.randomState ^ UInt64(truncatingIfNeeded: frame.enteredEventID)
        seed = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: frame.attempt)
        return EvaluationScope(
            input: input,
            context: contextObject(frame, state, mapItem: mapItem, taskToken: taskToken),
            variables: Session.merge(inherited, frame.variables),
            random: .seeded(seed)
        )
    }

    func contextObject(
        _ frame: Frame,
        _ state: State,
        mapItem: MapItem?,
        taskToken: String? = nil
    ) -> JSONValue {
        let info = checkpoint.info
        var execution = JSONObject()
        execution["Id"] = .string(info.executionARN)
        execution["Input"] = info.input.value
        execution["StartTime"] = .string(Session.isoTimestamp(info.startTime))
        execution["Name"] = .string(info.executionName)
        execution["RoleArn"] = .string("arn:cairn:iam::000000000000:role/cairn-local")
        execution["RedriveCount"] = .number(JSONNumber(info.redriveCount))
        var stateObject = JSONObject()
        stateObject["Name"] = .string(state.name)
        stateObject["EnteredTime"] = .string(Session.isoTimestamp(frame.enteredAt))
        switch state.type {
        case .task, .parallel, .map:
            stateObject["RetryCount"] = .number(JSONNumber(frame.retryCounts.reduce(0, +)))
        default:
            break
        }
        var context = JSONObject()
        context["Execution"] = .object(execution)
        context["StateMachine"] = [
            "Id": .string(info.stateMachineARN),
            "Name": .string(info.stateMachineName),
        ]
        context["State"] = .object(stateObject)
        if let taskToken {
            context["Task"] = ["Token": .string(taskToken)]
        }
        if let mapItem {
            context["Map"] = [
                "Item": ["Index": .number(JSONNumber(mapItem.index)), "Value": mapItem.value.value]
            ]
        }
        return .object(context)
    }

    /// Milliseconds since the epoch as AWS writes times in the context object.
    static func isoTimestamp(_ milliseconds: Int64) -> String {
        ISOTimestamp.string(milliseconds: milliseconds)
    }

    // MARK: - Failures

    /// A `States.Runtime` failure whose cause names the state as AWS does.
    func runtimeFailure(_ frame: Frame, _ message: String) -> WorkflowFailure {
        WorkflowFailure(error: WorkflowFailure.Name.runtime, cause: prefix(frame) + message)
    }

    func prefix(_ frame: Frame) -> String {
        "An error occurred while executing the state '\(frame.stateName)' "
            + "(entered at the event id #\(frame.enteredEventID)). "
    }

    /// Adds the state prefix to a data-flow failure, whose cause holds only
    /// the detail.
    func located(_ failure: WorkflowFailure, _ frame: Frame) -> WorkflowFailure {
        failure.locatedInState(frame.stateName, enteredEventID: frame.enteredEventID)
    }

    // MARK: - Paths

    func effectiveInput(
        _ frame: Frame,
        _ state: State,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> JSONValue {
        let raw = frame.rawInput.value
        switch state.inputPath {
        case .whole: return raw
        case .discard: return .object(JSONObject())
        case .path(let path):
            return try select(path, frame, state, input: raw, inherited)
        }
    }

    func applyOutputPath(
        _ frame: Frame,
        _ state: State,
        _ value: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> JSONValue {
        switch state.outputPath {
        case .whole: return value
        case .discard: return .object(JSONObject())
        case .path(let path):
            return try select(path, frame, state, input: value, inherited)
        }
    }

    private func select(
        _ path: JSONPath,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> JSONValue {
        let scope = makeScope(frame, state, input: input, inherited)
        do {
            return try DataFlowBridge.select(path, in: scope)
        } catch {
            throw located(error, frame)
        }
    }

    func applyResultPath(
        _ resultPath: DataPath,
        _ frame: Frame,
        _ state: State,
        result: JSONValue
    ) throws(WorkflowFailure) -> JSONValue {
        switch resultPath {
        case .whole: return result
        case .discard: return frame.rawInput.value
        case .path(let path):
            do {
                return try DataFlowBridge.insert(result, at: path, into: frame.rawInput.value)
            } catch {
                throw located(error, frame)
            }
        }
    }

    // MARK: - Templates

    func evaluate(
        _ template: PayloadTemplate,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue],
        field: String = "Parameters",
        mapItem: MapItem? = nil,
        taskToken: String? = nil
    ) throws(WorkflowFailure) -> JSONValue {
        let scope = makeScope(frame, state, input: input, inherited, mapItem: mapItem,
                              taskToken: taskToken)
        do {
            return try DataFlowBridge.evaluate(template, in: scope, field: field)
        } catch {
            throw located(error, frame)
        }
    }

    func evaluateField(
        _ template: PayloadTemplate,
        field: String,
        _ frame: Frame,
        _ state: State,
        _ input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> JSONValue {
        try evaluate(template, frame, state, input: input, inherited, field: field)
    }

    func assignments(
        _ assignment: Assignment?,
        _ frame: Frame,
        _ state: State,
        value: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> [String: JSONValue] {
        guard let assignment else { return [:] }
        switch assignment {
        case .jsonata:
            let scope = jsonataScope(frame, state, input: value, inherited)
            return try jsonataAssignments(assignment, scope, field: "Assign")
        case .template(let template):
            let assigned = try evaluate(template, frame, state, input: value, inherited,
                                        field: "Assign")
            var result: [String: JSONValue] = [:]
            for (name, value) in assigned.objectValue ?? JSONObject() { result[name] = value }
            return result
        }
    }

    // MARK: - Numbers and times

    /// Resolves an integer setting such as TimeoutSeconds or MaxConcurrency.
    func integer(
        _ setting: DynamicInteger?,
        field: String,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> Int? {
        switch setting {
        case nil: return nil
        case .literal(let value): return value
        case .jsonata(let expression):
            return try jsonataScope(frame, state, input: input, inherited)
                .integer(expression, field: field)
        case .path(let path):
            let value = try select(path, frame, state, input: input, inherited)
            // AWS also takes a string that spells a whole number.
            let number: JSONNumber? =
                switch value {
                case .number(let number): number
                case .string(let text): JSONNumber(literal: text)
                default: nil
                }
            guard let number, number.isIntegerLiteral, let integer = number.int64Value,
                let result = Int(exactly: integer)
            else {
                throw runtimeFailure(
                    frame,
                    "The \(field)Path field refers to value \"\(Session.quoted(value))\" "
                        + "which is not a valid integer: \(path.text)"
                )
            }
            return result
        }
    }

    /// How AWS quotes a value inside a cause: strings bare, others as JSON.
    static func quoted(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.compactText
    }

    func waitDeadline(
        _ wait: WaitState,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> Int64 {
        switch wait.duration {
        case .seconds(.literal(let seconds)):
            return now + Int64(seconds) * 1000
        case .seconds(.path(let path)):
            let value = try select(path, frame, state, input: input, inherited)
            guard case .number(let number) = value, number.isIntegerLiteral,
                let seconds = number.int64Value
            else {
                throw runtimeFailure(
                    frame,
                    "The SecondsPath parameter cannot be parsed as a long value: "
                        + "\(path.text) == \(Session.quoted(value))"
                )
            }
            guard seconds >= 0 else {
                throw runtimeFailure(
                    frame,
                    "The SecondsPath parameter references a negative value: "
                        + "\(path.text) == \(Session.quoted(value))"
                )
            }
            return now + seconds * 1000
        case .timestamp(let text):
            guard let due = DataFlowBridge.parseTimestamp(text) else {
                throw runtimeFailure(frame, "The Timestamp field is not a valid timestamp: \(text)")
            }
            return due
        case .timestampPath(let path):
            let value = try select(path, frame, state, input: input, inherited)
            guard case .string(let text) = value, let due = DataFlowBridge.parseTimestamp(text)
            else {
                throw runtimeFailure(
                    frame,
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended "
                        + "offset date-time format string: \(path.text) == \(Session.quoted(value))"
                )
            }
            return due
        case .seconds(.jsonata(let expression)):
            let scope = jsonataScope(frame, state, input: input, inherited)
            let seconds = try scope.integer(expression, field: "Seconds")
            guard seconds >= 0 else {
                throw scope.failure(expression, "Seconds", "returned a negative number of seconds.")
            }
            return now + Int64(seconds) * 1000
        case .timestampExpression(let expression):
            return try jsonataTimestamp(expression, frame, state, input: input, inherited)
        }
    }
}
