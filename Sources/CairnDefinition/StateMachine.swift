// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A state machine in the Amazon States Language, decoded and checked.
///
/// The top level of a definition and every Parallel branch and Map item
/// processor are all state machines.
///
/// ```swift
/// let workflow = try WorkflowLoader.load(path: "Workflows/hello.yaml")
/// workflow.definition.startAt               // "Greet"
/// workflow.definition.states["Greet"]?.type // .pass(...)
/// ```
public struct StateMachine: Sendable {
    public var comment: String?
    public var startAt: String
    /// The states by name.
    public var states: [String: State]
    /// The state names in the order the file lists them.
    public var stateNames: [String]
    /// The execution's deadline in seconds (top level only).
    public var timeoutSeconds: Int?
    /// The query language that states use unless they name their own.
    public var queryLanguage: QueryLanguage
    public var version: String?

    public init(
        comment: String? = nil,
        startAt: String,
        states: [String: State],
        stateNames: [String],
        timeoutSeconds: Int? = nil,
        queryLanguage: QueryLanguage = .jsonPath,
        version: String? = nil
    ) {
        self.comment = comment
        self.startAt = startAt
        self.states = states
        self.stateNames = stateNames
        self.timeoutSeconds = timeoutSeconds
        self.queryLanguage = queryLanguage
        self.version = version
    }
}

/// The language that a state's dynamic fields are written in.
public enum QueryLanguage: String, Sendable, Hashable {
    case jsonPath = "JSONPath"
    case jsonata = "JSONata"
}
