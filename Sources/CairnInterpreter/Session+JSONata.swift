// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import CairnJSONata

extension Session {
    // MARK: - Scope

    /// The scope of a JSONata state's fields: `$states.input` is `input`,
    /// `$states.context` the context object, and `$states.result` and
    /// `$states.errorOutput` are there only where AWS provides them.
    func jsonataScope(
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue],
        result: JSONValue? = nil,
        errorOutput: JSONValue? = nil,
        mapItem: MapItem? = nil,
        taskToken: String? = nil
    ) -> JSONataScope {
        var states = JSONObject()
        states["input"] = input
        states["context"] = contextObject(frame, state, mapItem: mapItem, taskToken: taskToken)
        if let result { states["result"] = result }
        if let errorOutput { states["errorOutput"] = errorOutput }
        var variables = Session.merge(inherited, frame.variables)
        variables["states"] = .object(states)
        // Randomness must replay identically, so it is drawn from a generator
        // seeded by the checkpoint and the state entry, never from the system.
        let source = makeScope(frame, state, input: input, inherited).random
        let environment = JSONataEnvironment(
            variables: variables,
            nowMilliseconds: now,
            random: { Double(source.nextUInt64() >> 11) / Double(UInt64(1) << 53) },
            uuid: { Session.uuid(from: source) },
            hash: { text, algorithm in Session.digest(text, algorithm) }
        )
        return JSONataScope(environment: environment, prefix: prefix(frame))
    }

    /// A version 4 UUID in lower-case canonical form.
    static func uuid(from source: RandomSource) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let word = source.nextUInt64()
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 0x10 ? "0" + text : text
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16]
            .map { hex[$0].joined() }
            .joined(separator: "-")
    }

    private static let hashCall = try? IntrinsicCall(parsing: "States.Hash($.text, $.algorithm)")

    /// `$hash` goes through `States.Hash`, so both name the same algorithms
    /// and give the same digests.
    static func digest(_ text: String, _ algorithm: String) -> String? {
        guard let hashCall else { return nil }
        let scope = EvaluationScope(input: ["text": .string(text), "algorithm": .string(algorithm)])
        let digest = try? DataFlowBridge.evaluate(.intrinsic(hashCall), in: scope, field: "$hash")
        return digest?.stringValue
    }

    // MARK: - Finishing a state

    /// The end of a JSONata state: `Assign` and `Output` both see the same
    /// `$states`, and the variables change only after both are evaluated.
    /// Without `Output`, the state's output is its result, or its input.
    mutating func finishJSONata(
        _ frame: inout Frame,
        _ state: State,
        result: JSONValue?,
        inherited: [String: JSONValue],
        next: Transition
    ) throws(WorkflowFailure) {
        let input = frame.rawInput.value
        let scope = jsonataScope(frame, state, input: input, inherited, result: result)
        let assignments = try jsonataAssignments(state.assign, scope, field: "Assign")
        let output =
            try state.output.map { template throws(WorkflowFailure) in
                try scope.evaluate(template, field: "Output")
            } ?? result ?? input
        leave(&frame, state: state, output: output, assignments: assignments, next: next)
    }

    /// The variables an `Assign` field sets, evaluated in `scope`.
    func jsonataAssignments(
        _ assignment: Assignment?,
        _ scope: JSONataScope,
        field: String
    ) throws(WorkflowFailure) -> [String: JSONValue] {
        guard case .jsonata(let template)? = assignment else { return [:] }
        var result: [String: JSONValue] = [:]
        let assigned = try scope.evaluate(template, field: field)
        for (name, value) in assigned.objectValue ?? JSONObject() {
            result[name] = value
        }
        return result
    }

    /// A `Catch` of a JSONata state: `$states.errorOutput` holds the error,
    /// which is also the output when the catcher has no `Output`.
    mutating func recoverJSONata(
        _ frame: inout Frame,
        _ state: State,
        catcher index: Int,
        errorOutput: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let catcher = state.catchers[index]
        let scope = jsonataScope(
            frame,
            state,
            input: frame.rawInput.value,
            inherited,
            errorOutput: errorOutput
        )
        let assignments = try jsonataAssignments(
            catcher.assign,
            scope,
            field: "Catch[\(index)]/Assign"
        )
        let output =
            try catcher.output.map { template throws(WorkflowFailure) in
                try scope.evaluate(template, field: "Catch[\(index)]/Output")
            } ?? errorOutput
        leave(
            &frame,
            state: state,
            output: output,
            assignments: assignments,
            next: .next(catcher.next)
        )
    }

    // MARK: - Choice

    /// A JSONata Choice: the first rule whose `Condition` holds wins, and its
    /// own `Assign` and `Output` replace the state's.
    mutating func runJSONataChoice(
        _ frame: inout Frame,
        _ state: State,
        _ choice: ChoiceState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = frame.rawInput.value
        let scope = jsonataScope(frame, state, input: input, inherited)
        for (index, branch) in choice.choices.enumerated() {
            guard case .condition(let condition) = branch.rule,
                try scope.condition(condition, field: "Choices[\(index)]/Condition")
            else { continue }
            let rule = "Choices[\(index)]/"
            let assignments =
                try branch.assign == nil
                ? jsonataAssignments(state.assign, scope, field: "Assign")
                : jsonataAssignments(branch.assign, scope, field: rule + "Assign")
            var output = input
            if let template = branch.output {
                output = try scope.evaluate(template, field: rule + "Output")
            } else if let template = state.output {
                output = try scope.evaluate(template, field: "Output")
            }
            leave(
                &frame,
                state: state,
                output: output,
                assignments: assignments,
                next: .next(branch.next)
            )
            return
        }
        guard let defaultNext = choice.defaultNext else {
            throw WorkflowFailure(error: WorkflowFailure.Name.noChoiceMatched, cause: "No Matches!")
        }
        try finishJSONata(
            &frame,
            state,
            result: nil,
            inherited: inherited,
            next: .next(defaultNext)
        )
    }

    // MARK: - Fields of other states

    /// `Arguments`: the input of a Task or of each Parallel branch.
    func jsonataArguments(
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue],
        taskToken: String? = nil
    ) throws(WorkflowFailure) -> JSONValue {
        guard let arguments = state.arguments else { return input }
        return try jsonataScope(frame, state, input: input, inherited, taskToken: taskToken)
            .evaluate(arguments, field: "Arguments")
    }

    /// `Fail`'s `Error` or `Cause` written as an expression.
    func jsonataText(
        _ text: String,
        field: String,
        _ frame: Frame,
        _ state: State,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> String {
        let scope = jsonataScope(frame, state, input: frame.rawInput.value, inherited)
        let value = try scope.value(of: text, field: field)
        guard case .string(let string) = value else {
            throw scope.unexpectedType(text, field, expected: "string", value)
        }
        return string
    }

    /// A Map's `Items`: an array whose members may be expressions, or one
    /// expression that must give an array.
    func jsonataItems(
        _ items: JSONValue,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> [JSONValue] {
        let scope = jsonataScope(frame, state, input: input, inherited)
        let value = try scope.evaluate(items, field: "Items")
        guard case .array(let elements) = value else {
            throw scope.unexpectedType(
                items.stringValue ?? items.compactText,
                "Items",
                expected: "array",
                value
            )
        }
        return elements
    }

    /// A Wait state's `Timestamp` written as an expression.
    func jsonataTimestamp(
        _ text: String,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> Int64 {
        let scope = jsonataScope(frame, state, input: input, inherited)
        let value = try scope.value(of: text, field: "Timestamp")
        guard case .string(let timestamp) = value,
            let due = DataFlowBridge.parseTimestamp(timestamp)
        else {
            throw scope.queryEvaluationError(
                "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time "
                    + "format string: \(Session.quoted(value))"
            )
        }
        return due
    }
}
