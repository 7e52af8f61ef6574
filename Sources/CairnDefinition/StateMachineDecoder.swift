// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A path from the document root to one of its values.
typealias DocumentPath = [JSONPathComponent]

/// Turns a state machine written as JSON into the typed model and checks it
/// against the rules of the States Language, collecting every problem rather
/// than stopping at the first.
///
/// Paths are kept from the document's root, so that each problem can be
/// placed with the source map; the result is meaningful only when
/// `problems` stays empty.
struct StateMachineDecoder {
    let sourceMap: SourceMap
    /// Everything found wrong so far, in the order it was found.
    private(set) var problems: [CairnDefinitionError] = []
    /// The top-level query language; JSONata there rules out JSONPath states.
    var rootLanguage: QueryLanguage = .jsonPath
    /// Whether a problem in the state machine being decoded may have hidden
    /// one of its transitions (a misspelled `Next`, a state without a type),
    /// so that reporting unreachable states would only add noise.
    var hasHiddenTransitions = false

    init(sourceMap: SourceMap) {
        self.sourceMap = sourceMap
    }

    /// Where a state machine sits: each kind allows different top fields
    /// and is named differently in messages.
    enum Scope {
        case root
        case branch
        case itemProcessor

        var noun: String {
            switch self {
            case .root: "state machine"
            case .branch: "branch"
            case .itemProcessor: "item processor"
            }
        }

        var fields: [String] {
            switch self {
            case .root:
                ["Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage"]
            case .branch:
                ["Comment", "StartAt", "States"]
            case .itemProcessor:
                ["Comment", "StartAt", "States", "ProcessorConfig"]
            }
        }
    }

    /// A transition written in a state, checked once all states are known.
    struct Reference {
        var source: String
        var field: String
        var target: String
        var path: DocumentPath
    }

    // MARK: - Reporting

    /// Records a problem with a field as a whole, placed at its key.
    mutating func report(
        _ message: String,
        atKey path: DocumentPath,
        code: CairnDefinitionError.Code = .invalidDefinition
    ) {
        problems.append(
            CairnDefinitionError(
                code: code,
                message: message,
                location: sourceMap.keyLocation(of: path),
                documentPath: path
            )
        )
    }

    /// Records a problem with a value, placed at the value itself.
    mutating func report(
        _ message: String,
        atValue path: DocumentPath,
        code: CairnDefinitionError.Code = .invalidDefinition
    ) {
        problems.append(
            CairnDefinitionError(
                code: code,
                message: message,
                location: sourceMap.valueLocation(of: path),
                documentPath: path
            )
        )
    }

    // MARK: - State machines

    /// Decodes a state machine (the top level, a branch or an item processor).
    mutating func decodeMachine(
        _ value: JSONValue,
        at path: DocumentPath,
        scope: Scope
    ) -> StateMachine {
        var machine = StateMachine(startAt: "", states: [:], stateNames: [])
        guard let object = value.objectValue else {
            report(
                "a \(scope.noun) must be an object with StartAt and States, found "
                    + Self.describe(value),
                atValue: path
            )
            return machine
        }
        var fields = FieldSet(object: object, path: path)
        checkFieldNames(
            &fields,
            allowed: scope.fields,
            known: Scope.root.fields + ["ProcessorConfig"],
            owner: "a \(scope.noun)"
        )

        machine.comment = readString("Comment", in: fields)
        if scope == .root {
            machine.timeoutSeconds = readInteger("TimeoutSeconds", in: fields, minimum: 1)
            machine.version = readString("Version", in: fields)
            if let language = readQueryLanguage(in: fields) { rootLanguage = language }
        }
        machine.queryLanguage = rootLanguage

        let startAt = readString("StartAt", in: fields)
        if fields["StartAt"] == nil {
            report("a \(scope.noun) needs StartAt, the name of its first state", atValue: path)
        }
        machine.startAt = startAt ?? ""

        var references: [Reference] = []
        let enclosingHiddenTransitions = hasHiddenTransitions
        hasHiddenTransitions = false
        defer { hasHiddenTransitions = enclosingHiddenTransitions }
        decodeStates(in: fields, scope: scope, into: &machine, references: &references)
        if let startAt, !machine.stateNames.isEmpty {
            checkGraph(
                of: machine,
                startAt: startAt,
                references: references,
                fields: fields,
                scope: scope
            )
        }
        return machine
    }

    /// Decodes the `States` object of a state machine.
    private mutating func decodeStates(
        in fields: FieldSet,
        scope: Scope,
        into machine: inout StateMachine,
        references: inout [Reference]
    ) {
        guard let statesValue = fields["States"] else {
            report("a \(scope.noun) needs States, the object of its states", atValue: fields.path)
            return
        }
        guard let states = statesValue.objectValue else {
            report(
                "States must be an object of states by name, found " + Self.describe(statesValue),
                atValue: fields.path("States")
            )
            return
        }
        if states.isEmpty {
            report("States must contain at least one state", atValue: fields.path("States"))
        }
        for (name, stateValue) in states {
            let statePath = fields.path("States") + [.key(name)]
            if let state = decodeState(
                named: name,
                value: stateValue,
                at: statePath,
                references: &references
            ) {
                machine.states[name] = state
            } else {
                hasHiddenTransitions = true
            }
            machine.stateNames.append(name)
        }
    }

    // MARK: - Transitions

    /// Checks StartAt, every transition target, and that each state can be
    /// reached from StartAt.
    private mutating func checkGraph(
        of machine: StateMachine,
        startAt: String,
        references: [Reference],
        fields: FieldSet,
        scope: Scope
    ) {
        let names = Set(machine.stateNames)
        let scopeWords = scope == .root ? "" : " of this \(scope.noun)"
        let startAtKnown = names.contains(startAt)
        if !startAtKnown {
            report(
                "StartAt names '\(startAt)', which is not a state\(scopeWords)"
                    + ValidationSuggestion.hint(for: startAt, among: machine.stateNames),
                atValue: fields.path("StartAt")
            )
        }
        for reference in references where !names.contains(reference.target) {
            hasHiddenTransitions = true
            report(
                "\(reference.field) names '\(reference.target)', which is not a state"
                    + scopeWords
                    + ValidationSuggestion.hint(for: reference.target, among: machine.stateNames),
                atValue: reference.path
            )
        }
        guard startAtKnown, !hasHiddenTransitions else { return }

        var successors: [String: [String]] = [:]
        for reference in references {
            successors[reference.source, default: []].append(reference.target)
        }
        var reached: Set<String> = [startAt]
        var pending = [startAt]
        while let name = pending.popLast() {
            for next in successors[name] ?? [] where names.contains(next) {
                if reached.insert(next).inserted { pending.append(next) }
            }
        }
        for name in machine.stateNames where !reached.contains(name) {
            report(
                "state '\(name)' is never reached: no transition leads to it from StartAt",
                atKey: fields.path("States") + [.key(name)]
            )
        }
    }
}

/// The members of one object in the document and the path that leads to it.
///
/// Members that were rejected by name are hidden, so that a misplaced field
/// is reported once, not again for its value.
struct FieldSet {
    let object: JSONObject
    let path: DocumentPath
    var rejected: Set<String> = []

    init(object: JSONObject, path: DocumentPath) {
        self.object = object
        self.path = path
    }

    subscript(key: String) -> JSONValue? {
        rejected.contains(key) ? nil : object[key]
    }

    /// The path of the member named `key`.
    func path(_ key: String) -> DocumentPath {
        path + [.key(key)]
    }
}
