// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

// MARK: - Field tables

extension StateMachineDecoder {
    /// Fields that only JSONPath states take.
    static let jsonPathOnlyFields: Set<String> = [
        "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Result",
        "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath",
        "TimestampPath", "ErrorPath", "CausePath", "MaxConcurrencyPath",
        "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
    ]

    /// Fields that only JSONata states take.
    static let jsonataOnlyFields: Set<String> = ["Arguments", "Output", "Items"]

    /// The fields each state type takes, in either query language.
    static func fields(ofType type: String) -> [String] {
        let common = ["Type", "Comment", "QueryLanguage"]
        let flow = ["Next", "End"]
        let paths = ["InputPath", "OutputPath"]
        let results = ["ResultPath", "ResultSelector", "Retry", "Catch", "Assign", "Output"]
        switch type {
        case "Pass":
            return common + flow + paths + [
                "ResultPath", "Parameters", "Result", "Assign", "Output",
            ]
        case "Task":
            return common + flow + paths + results + [
                "Resource", "Parameters", "Arguments", "TimeoutSeconds", "TimeoutSecondsPath",
                "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials",
            ]
        case "Choice":
            return common + paths + ["Choices", "Default", "Assign", "Output"]
        case "Wait":
            return common + flow + paths + [
                "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign", "Output",
            ]
        case "Succeed":
            return common + paths + ["Output"]
        case "Fail":
            return common + ["Error", "ErrorPath", "Cause", "CausePath"]
        case "Parallel":
            return common + flow + paths + results + ["Branches", "Parameters", "Arguments"]
        case "Map":
            return common + flow + paths + results + [
                "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters",
                "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency",
                "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
                "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label",
            ]
        default:
            return common
        }
    }

    static let stateTypeNames = [
        "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map",
    ]

    /// Every field any state takes, to tell a misplaced field from a typo.
    static let allStateFields: [String] = {
        var seen: Set<String> = []
        return stateTypeNames.flatMap { fields(ofType: $0) }.filter { seen.insert($0).inserted }
    }()
}

// MARK: - States

extension StateMachineDecoder {
    /// The longest state name AWS accepts.
    static let maximumStateNameLength = 80

    /// Decodes one state, recording its transitions in `references`.
    mutating func decodeState(
        named name: String,
        value: JSONValue,
        at path: DocumentPath,
        references: inout [Reference]
    ) -> State? {
        if name.count > Self.maximumStateNameLength {
            report(
                "state name '\(name.prefix(20))...' is \(name.count) characters long; "
                    + "the limit is \(Self.maximumStateNameLength)",
                atKey: path
            )
        }
        guard let object = value.objectValue else {
            report(
                "state '\(name)' must be an object, found " + Self.describe(value),
                atValue: path
            )
            return nil
        }
        var fields = FieldSet(object: object, path: path)
        guard let typeName = readStateType(of: name, in: fields) else { return nil }

        let language = readStateLanguage(in: fields)
        checkStateFieldNames(&fields, type: typeName, language: language)

        var state = State(
            name: name,
            type: .succeed,
            queryLanguage: language,
            transition: .none
        )
        state.comment = readString("Comment", in: fields)
        readDataFlow(into: &state, from: fields, type: typeName)
        state.assign = readAssign(in: fields, language: language)
        state.retriers = readRetriers(in: fields)
        state.catchers = readCatchers(
            in: fields,
            state: name,
            language: language,
            references: &references
        )
        state.type = decodeType(typeName, of: state, in: fields, references: &references)

        if !["Choice", "Succeed", "Fail"].contains(typeName) {
            state.transition = readTransition(of: name, in: fields, references: &references)
        }
        return state
    }

    /// `Type`, which must name one of the eight state types.
    private mutating func readStateType(of name: String, in fields: FieldSet) -> String? {
        guard fields["Type"] != nil else {
            report("state '\(name)' needs a Type", atKey: fields.path)
            return nil
        }
        guard let typeName = readString("Type", in: fields) else { return nil }
        guard Self.stateTypeNames.contains(typeName) else {
            report(
                "unknown state type '\(typeName)'"
                    + ValidationSuggestion.hint(for: typeName, among: Self.stateTypeNames),
                atValue: fields.path("Type")
            )
            return nil
        }
        return typeName
    }

    /// The state's `QueryLanguage`, or the state machine's.
    private mutating func readStateLanguage(in fields: FieldSet) -> QueryLanguage {
        guard let language = readQueryLanguage(in: fields) else { return rootLanguage }
        if rootLanguage == .jsonata, language == .jsonPath {
            report(
                "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata",
                atValue: fields.path("QueryLanguage")
            )
        }
        return language
    }

    /// Reports fields the state's type or query language does not take.
    private mutating func checkStateFieldNames(
        _ fields: inout FieldSet,
        type: String,
        language: QueryLanguage
    ) {
        let allowed = Self.fields(ofType: type)
        checkFieldNames(
            &fields,
            allowed: allowed,
            known: Self.allStateFields,
            owner: "a \(type) state"
        )
        if fields.rejected.contains(where: { !Self.allStateFields.contains($0) }) {
            hasHiddenTransitions = true
        }
        let foreign = language == .jsonPath ? Self.jsonataOnlyFields : Self.jsonPathOnlyFields
        let misplaced = fields.object.keys.filter {
            foreign.contains($0) && !fields.rejected.contains($0)
        }
        for key in misplaced {
            fields.rejected.insert(key)
            let (own, other) =
                language == .jsonPath ? ("JSONPath", "JSONata") : ("JSONata", "JSONPath")
            report(
                "'\(key)' is a \(other) field and this state uses \(own)"
                    + (language == .jsonata
                        ? "; use Arguments, Output and {% %} expressions instead"
                        : "; set QueryLanguage to JSONata to use it"),
                atKey: fields.path(key)
            )
        }
    }

    /// The common data-flow fields of the state's query language.
    private mutating func readDataFlow(
        into state: inout State,
        from fields: FieldSet,
        type: String
    ) {
        switch state.queryLanguage {
        case .jsonPath:
            state.inputPath = readDataPath("InputPath", in: fields)
            state.outputPath = readDataPath("OutputPath", in: fields)
            state.resultPath = readDataPath(
                "ResultPath",
                in: fields,
                isReference: true,
                isWritten: true
            )
            // A Map state's Parameters is its ItemSelector, decoded with the Map.
            if type != "Map" {
                state.parameters = readTemplate("Parameters", in: fields)
            }
            state.resultSelector = readTemplate("ResultSelector", in: fields)
        case .jsonata:
            state.arguments = readJSONata("Arguments", in: fields)
            state.output = readJSONata("Output", in: fields)
        }
    }

    /// `Next` or `End` of a state that is neither a Choice nor terminal.
    private mutating func readTransition(
        of name: String,
        in fields: FieldSet,
        references: inout [Reference]
    ) -> Transition {
        let next = readString("Next", in: fields)
        let end = readBool("End", in: fields) ?? false
        if next == nil, !end { hasHiddenTransitions = true }
        if let next {
            references.append(
                Reference(source: name, field: "Next", target: next, path: fields.path("Next"))
            )
        }
        switch (next, end) {
        case (let next?, false):
            return .next(next)
        case (_?, true):
            report(
                "a state cannot have both Next and End: true; keep one",
                atKey: fields.path("End")
            )
            return .end
        case (nil, true):
            return .end
        case (nil, false):
            if fields["Next"] == nil, fields["End"] == nil {
                report("state '\(name)' needs Next or End: true", atKey: fields.path)
            }
            return .end
        }
    }
}
