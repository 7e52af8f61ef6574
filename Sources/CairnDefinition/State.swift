// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// One state of a state machine with the fields every type shares.
///
/// Fields a state type does not allow are rejected when the definition is
/// decoded, so a Choice state here never carries a `resultPath`, for example;
/// the defaults below are what AWS applies when a field is absent.
public struct State: Sendable {
    public var name: String
    public var type: StateType
    public var comment: String?
    /// The state's own query language, or the state machine's.
    public var queryLanguage: QueryLanguage
    /// Where to go after this state; Choice, Succeed and Fail have `.none`.
    public var transition: Transition

    // MARK: JSONPath data flow

    public var inputPath: DataPath = .whole
    public var parameters: PayloadTemplate?
    public var resultSelector: PayloadTemplate?
    public var resultPath: DataPath = .whole
    public var outputPath: DataPath = .whole

    // MARK: JSONata data flow

    /// `Arguments`: a JSON value whose strings may be `{% expression %}`.
    public var arguments: JSONValue?
    /// `Output`: a JSON value whose strings may be `{% expression %}`.
    public var output: JSONValue?

    // MARK: Variables and errors

    /// `Assign`: variable names to values (templates in JSONPath states,
    /// `{% %}` expressions in JSONata states).
    public var assign: Assignment?
    public var retriers: [Retrier] = []
    public var catchers: [Catcher] = []

    public init(
        name: String,
        type: StateType,
        queryLanguage: QueryLanguage = .jsonPath,
        transition: Transition
    ) {
        self.name = name
        self.type = type
        self.queryLanguage = queryLanguage
        self.transition = transition
    }
}

/// How control leaves a state.
public enum Transition: Sendable, Hashable {
    case next(String)
    case end
    /// Choice, Succeed and Fail states name no successor of their own.
    case none
}

/// The variables a state assigns, in the form of its query language.
public enum Assignment: Sendable {
    /// JSONPath states: each value is a payload template.
    case template(PayloadTemplate)
    /// JSONata states: strings hold `{% %}` expressions.
    case jsonata(JSONValue)
}

/// One of the data-flow path fields (`InputPath`, `ResultPath`, `OutputPath`).
public enum DataPath: Sendable, Hashable {
    /// The field is absent: the whole value (`$`).
    case whole
    /// The field is `null`: the value is discarded (`{}` in, the input kept out).
    case discard
    case path(JSONPath)
}
