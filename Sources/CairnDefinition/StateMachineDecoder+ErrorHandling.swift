// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension StateMachineDecoder {
    static let retrierFields = [
        "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
        "JitterStrategy", "Comment",
    ]

    static let catcherFields = ["ErrorEquals", "Next", "ResultPath", "Assign", "Output", "Comment"]

    /// `Retry`: the retriers in order.
    mutating func readRetriers(in fields: FieldSet) -> [Retrier] {
        guard let entries = readEntries("Retry", in: fields) else { return [] }
        var retriers: [Retrier] = []
        for (index, entry) in entries.enumerated() {
            var entryFields = entry
            checkFieldNames(
                &entryFields,
                allowed: Self.retrierFields,
                known: Self.catcherFields,
                owner: "a retrier"
            )
            let errors = readErrorEquals(
                in: entryFields,
                isLast: index == entries.count - 1,
                kind: "retrier"
            )
            var retrier = Retrier(errorEquals: errors)
            if let interval = readInteger("IntervalSeconds", in: entryFields, minimum: 1) {
                retrier.intervalSeconds = interval
            }
            if let attempts = readInteger("MaxAttempts", in: entryFields, minimum: 0) {
                retrier.maxAttempts = attempts
            }
            if let rate = readNumber(
                "BackoffRate",
                in: entryFields,
                range: 1...Double.greatestFiniteMagnitude,
                expected: "a number of at least 1.0"
            ) {
                retrier.backoffRate = rate
            }
            retrier.maxDelaySeconds = readInteger("MaxDelaySeconds", in: entryFields, minimum: 1)
            if let text = readString("JitterStrategy", in: entryFields) {
                if let strategy = Retrier.JitterStrategy(rawValue: text) {
                    retrier.jitterStrategy = strategy
                } else {
                    report(
                        "JitterStrategy must be 'FULL' or 'NONE', found '\(text)'",
                        atValue: entryFields.path("JitterStrategy")
                    )
                }
            }
            _ = readString("Comment", in: entryFields)
            retriers.append(retrier)
        }
        return retriers
    }

    /// `Catch`: the catchers in order, recording where each one leads.
    mutating func readCatchers(
        in fields: FieldSet,
        state: String,
        language: QueryLanguage,
        references: inout [Reference]
    ) -> [Catcher] {
        guard let entries = readEntries("Catch", in: fields) else { return [] }
        var catchers: [Catcher] = []
        for (index, entry) in entries.enumerated() {
            var entryFields = entry
            let allowed = Self.catcherFields.filter {
                language == .jsonPath ? $0 != "Output" : $0 != "ResultPath"
            }
            checkFieldNames(
                &entryFields,
                allowed: allowed,
                known: Self.catcherFields + Self.retrierFields,
                owner: "a \(language.rawValue) catcher"
            )
            let errors = readErrorEquals(
                in: entryFields,
                isLast: index == entries.count - 1,
                kind: "catcher"
            )
            let next = readString("Next", in: entryFields)
            if let next {
                references.append(
                    Reference(
                        source: state,
                        field: "Next",
                        target: next,
                        path: entryFields.path("Next")
                    )
                )
            } else {
                hasHiddenTransitions = true
            }
            if next == nil, entryFields["Next"] == nil {
                report(
                    "a catcher needs Next, the state that handles the error",
                    atValue: entry.path
                )
            }
            var catcher = Catcher(errorEquals: errors, next: next ?? "")
            catcher.resultPath = readDataPath(
                "ResultPath",
                in: entryFields,
                isReference: true,
                isWritten: true
            )
            catcher.assign = readAssign(in: entryFields, language: language)
            catcher.output = readJSONata("Output", in: entryFields)
            _ = readString("Comment", in: entryFields)
            catchers.append(catcher)
        }
        return catchers
    }

    /// The objects of a `Retry` or `Catch` array.
    private mutating func readEntries(_ key: String, in fields: FieldSet) -> [FieldSet]? {
        guard let value = fields[key] else { return nil }
        guard let elements = value.arrayValue else {
            report(
                "\(key) must be an array, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return nil
        }
        var entries: [FieldSet] = []
        for (index, element) in elements.enumerated() {
            let path = fields.path(key) + [.index(index)]
            guard let object = element.objectValue else {
                hasHiddenTransitions = true
                report(
                    "each entry of \(key) must be an object, found " + Self.describe(element),
                    atValue: path
                )
                continue
            }
            entries.append(FieldSet(object: object, path: path))
        }
        return entries
    }

    /// `ErrorEquals`: a non-empty list where `States.ALL` stands alone, last.
    private mutating func readErrorEquals(
        in fields: FieldSet,
        isLast: Bool,
        kind: String
    ) -> [String] {
        guard fields["ErrorEquals"] != nil else {
            report("a \(kind) needs ErrorEquals, the error names it matches", atValue: fields.path)
            return []
        }
        guard let errors = readStringArray("ErrorEquals", in: fields) else { return [] }
        let path = fields.path("ErrorEquals")
        if errors.isEmpty {
            report("ErrorEquals must name at least one error", atValue: path)
        }
        if let index = errors.firstIndex(of: WorkflowFailure.Name.all) {
            if errors.count > 1 {
                report(
                    "States.ALL must be the only error name in its ErrorEquals",
                    atValue: path + [.index(index)]
                )
            } else if !isLast {
                report(
                    "a \(kind) that matches States.ALL must be the last one",
                    atValue: path + [.index(index)]
                )
            }
        }
        return errors
    }
}
