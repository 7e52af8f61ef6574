// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

extension Session {
    mutating func startMap(
        _ frame: inout Frame,
        _ state: State,
        _ map: MapState,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) {
        let input = try effectiveInput(frame, state, inherited)
        let items = try mapItems(map, frame, state, input: input, inherited)
        let maxConcurrency =
            try integer(
                map.maxConcurrency,
                field: "MaxConcurrency",
                frame,
                state,
                input: input,
                inherited
            ) ?? 0
        let toleratedCount = try integer(
            map.toleratedFailureCount,
            field: "ToleratedFailureCount",
            frame,
            state,
            input: input,
            inherited
        )
        if let toleratedCount, toleratedCount < 0 {
            throw runtimeFailure(frame, "ToleratedFailureCount cannot be negative.")
        }
        let toleratedPercentage = try percentage(
            map.toleratedFailurePercentage,
            frame,
            state,
            input: input,
            inherited
        )
        if let toleratedPercentage, !(0...100).contains(toleratedPercentage) {
            throw runtimeFailure(frame, "ToleratedFailurePercentage must be between 0 and 100.")
        }
        record("MapStateStarted", ["length": .number(JSONNumber(items.count))])
        frame.branching = Branching(
            effectiveInput: StoredJSON(input),
            maxConcurrency: max(0, maxConcurrency),
            toleratedFailureCount: toleratedCount,
            toleratedFailurePercentage: toleratedPercentage
        )
        frame.children = items.enumerated().map { index, item in
            makeChild(
                of: frame,
                state,
                step: .itemProcessor(state: state.name),
                suffix: String(index),
                input: item,
                mapItem: MapItem(index: index, value: StoredJSON(item))
            )
        }
        frame.phase = .awaitingChildren
    }

    private func mapItems(
        _ map: MapState,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> [JSONValue] {
        var value = input
        if let items = map.items {
            return try jsonataItems(items, frame, state, input: input, inherited)
        } else if case .path(let path) = map.itemsPath {
            let scope = makeScope(frame, state, input: input, inherited)
            do {
                value = try DataFlowBridge.select(path, in: scope)
            } catch {
                throw located(error, frame)
            }
        }
        guard case .array(let elements) = value else {
            throw WorkflowFailure(
                error: WorkflowFailure.Name.queryEvaluationError,
                cause: prefix(frame) + "Map state input must be an array but was: "
                    + value.compactText
            )
        }
        return elements
    }

    private func percentage(
        _ setting: DynamicNumber?,
        _ frame: Frame,
        _ state: State,
        input: JSONValue,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> Double? {
        switch setting {
        case nil: return nil
        case .literal(let value): return value
        case .jsonata(let expression):
            return try jsonataScope(frame, state, input: input, inherited)
                .number(expression, field: "ToleratedFailurePercentage")
        case .path(let path):
            let scope = makeScope(frame, state, input: input, inherited)
            let value: JSONValue
            do {
                value = try DataFlowBridge.select(path, in: scope)
            } catch {
                throw located(error, frame)
            }
            let number: JSONNumber? =
                switch value {
                case .number(let number): number
                case .string(let text): JSONNumber(literal: text)
                default: nil
                }
            guard let number else {
                throw runtimeFailure(
                    frame,
                    "The ToleratedFailurePercentagePath field refers to value "
                        + "\"\(Session.quoted(value))\" which is not a valid float: \(path.text)"
                )
            }
            return number.doubleValue
        }
    }

    // MARK: - Iterations

    mutating func driveMap(
        _ frame: inout Frame,
        _ state: State,
        _ map: MapState,
        _ inherited: [String: JSONValue]
    ) -> Bool {
        guard var branching = frame.branching else { return false }
        let scope = Session.merge(inherited, frame.variables)
        var progressed = true
        while progressed {
            progressed = false
            do throws(WorkflowFailure) {
                progressed = try startPendingIterations(&frame, state, map, branching, inherited)
            } catch {
                abandonChildren(&frame)
                fail(&frame, with: error, inherited: inherited)
                return true
            }
            for index in frame.children.indices where frame.children[index].phase != .pending {
                drive(&frame.children[index], inherited: scope)
                if fatalFailure != nil { return false }
                guard frame.children[index].phase.isFinished,
                    !branching.reportedIterations.contains(index)
                else { continue }
                branching.reportedIterations.insert(index)
                progressed = true
                let succeeded =
                    if case .succeeded = frame.children[index].phase { true } else {
                        false
                    }
                record(
                    succeeded ? "MapIterationSucceeded" : "MapIterationFailed",
                    ["index": .number(JSONNumber(index)), "name": .string(state.name)]
                )
            }
            frame.branching = branching
            if let failure = toleranceExceeded(frame, branching) {
                abandonChildren(&frame)
                record("MapStateFailed", Session.failureDetails(failure))
                fail(&frame, with: failure, inherited: inherited)
                return true
            }
        }
        guard frame.children.allSatisfy(\.phase.isFinished) else { return false }
        let results = frame.children.map { child -> JSONValue in
            switch child.phase {
            case .succeeded(let output): output.value
            case .failed(let failure): Session.errorOutput(failure)
            default: .null
            }
        }
        frame.children = []
        record("MapStateSucceeded", .object(JSONObject()))
        do throws(WorkflowFailure) {
            try complete(&frame, state, result: .array(results), inherited: inherited)
        } catch {
            fail(&frame, with: error, inherited: inherited)
        }
        return true
    }

    static func errorOutput(_ failure: WorkflowFailure) -> JSONValue {
        var object = JSONObject()
        object["Error"] = .string(failure.error)
        object["Cause"] = failure.cause.map(JSONValue.string) ?? .null
        return .object(object)
    }

    /// Starts held-back iterations while MaxConcurrency allows; returns whether
    /// any started.
    private mutating func startPendingIterations(
        _ frame: inout Frame,
        _ state: State,
        _ map: MapState,
        _ branching: Branching,
        _ inherited: [String: JSONValue]
    ) throws(WorkflowFailure) -> Bool {
        var running = frame.children.count { $0.phase != .pending && !$0.phase.isFinished }
        var started = false
        for index in frame.children.indices where frame.children[index].phase == .pending {
            if branching.maxConcurrency > 0, running >= branching.maxConcurrency { break }
            let item =
                frame.children[index].mapItem ?? MapItem(index: index, value: StoredJSON(.null))
            var input = item.value.value
            if let selector = map.itemSelector {
                input = try evaluate(
                    selector,
                    frame,
                    state,
                    input: branching.effectiveInput.value,
                    inherited,
                    field: "ItemSelector",
                    mapItem: item
                )
            } else if let selector = map.itemSelectorJSONata {
                input = try jsonataScope(
                    frame,
                    state,
                    input: branching.effectiveInput.value,
                    inherited,
                    mapItem: item
                )
                .evaluate(selector, field: "ItemSelector")
            }
            record(
                "MapIterationStarted",
                [
                    "index": .number(JSONNumber(index)), "name": .string(state.name),
                ]
            )
            enter(&frame.children[index], state: map.itemProcessor.startAt, input: input)
            running += 1
            started = true
        }
        return started
    }

    /// The failure that ends the Map state once too many iterations failed.
    private func toleranceExceeded(_ frame: Frame, _ branching: Branching) -> WorkflowFailure? {
        let failures = frame.children.filter { child in
            if case .failed = child.phase { return true }
            return false
        }
        guard let first = failures.first, case .failed(let failure) = first.phase else {
            return nil
        }
        let count = branching.toleratedFailureCount
        let percentage = branching.toleratedFailurePercentage
        guard count != nil || percentage != nil else { return failure }
        let total = max(frame.children.count, 1)
        let overCount = count.map { failures.count > $0 } ?? false
        let overPercentage =
            percentage.map { Double(failures.count) * 100 / Double(total) > $0 }
            ?? false
        guard overCount || overPercentage else { return nil }
        return WorkflowFailure(
            error: WorkflowFailure.Name.exceedToleratedFailureThreshold,
            cause: "The specified tolerated failure threshold was exceeded"
        )
    }
}
