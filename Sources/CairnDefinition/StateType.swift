// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A state's type, with the fields only that type has.
public enum StateType: Sendable {
    case pass(PassState)
    case task(TaskState)
    case choice(ChoiceState)
    case wait(WaitState)
    case succeed
    case fail(FailState)
    case parallel(ParallelState)
    case map(MapState)

    /// The name written in the `Type` field.
    public var name: String {
        switch self {
        case .pass: "Pass"
        case .task: "Task"
        case .choice: "Choice"
        case .wait: "Wait"
        case .succeed: "Succeed"
        case .fail: "Fail"
        case .parallel: "Parallel"
        case .map: "Map"
        }
    }
}

public struct PassState: Sendable {
    /// `Result`: the fixed value the state produces instead of its input.
    public var result: JSONValue?

    public init(result: JSONValue? = nil) {
        self.result = result
    }
}

public struct TaskState: Sendable {
    /// `Resource`: what runs, such as `cairn:exec` or `cairn:registry.register`.
    public var resource: String
    public var timeoutSeconds: DynamicInteger?
    public var heartbeatSeconds: DynamicInteger?

    public init(
        resource: String,
        timeoutSeconds: DynamicInteger? = nil,
        heartbeatSeconds: DynamicInteger? = nil
    ) {
        self.resource = resource
        self.timeoutSeconds = timeoutSeconds
        self.heartbeatSeconds = heartbeatSeconds
    }
}

/// A whole-number setting that may be written as a literal, read from the
/// state input with a path (the `...Path` form of the field), or computed by a
/// JSONata expression.
public enum DynamicInteger: Sendable, Hashable {
    case literal(Int)
    case path(JSONPath)
    case jsonata(String)
}

public struct WaitState: Sendable {
    public enum Duration: Sendable, Hashable {
        case seconds(DynamicInteger)
        case timestamp(String)
        case timestampPath(JSONPath)
        case timestampExpression(String)
    }

    public var duration: Duration

    public init(duration: Duration) {
        self.duration = duration
    }
}

public struct FailState: Sendable {
    /// Either the fixed text or where to read it.
    public enum Text: Sendable {
        case literal(String)
        case path(PayloadTemplate)
        case jsonata(String)
    }

    public var error: Text?
    public var cause: Text?

    public init(error: Text? = nil, cause: Text? = nil) {
        self.error = error
        self.cause = cause
    }
}

public struct ParallelState: Sendable {
    public var branches: [StateMachine]

    public init(branches: [StateMachine]) {
        self.branches = branches
    }
}

public struct MapState: Sendable {
    public enum Mode: String, Sendable {
        case inline = "INLINE"
        case distributed = "DISTRIBUTED"
    }

    /// `ItemProcessor` (or the older `Iterator`).
    public var itemProcessor: StateMachine
    public var mode: Mode
    /// `ItemsPath`, JSONPath states only; `.whole` when absent.
    public var itemsPath: DataPath
    /// `Items`: a JSON value, or a JSONata expression string.
    public var items: JSONValue?
    /// `ItemSelector` (or the older `Parameters` on a Map state).
    public var itemSelector: PayloadTemplate?
    /// `ItemSelector` in a JSONata state: strings may be `{% %}` expressions.
    public var itemSelectorJSONata: JSONValue?
    public var maxConcurrency: DynamicInteger?
    public var toleratedFailureCount: DynamicInteger?
    public var toleratedFailurePercentage: DynamicNumber?
    public var label: String?
    /// `ItemReader`, `ItemBatcher` and `ResultWriter` as written; distributed
    /// mode's readers come later.
    public var itemReader: JSONValue?
    public var itemBatcher: JSONValue?
    public var resultWriter: JSONValue?

    public init(itemProcessor: StateMachine, mode: Mode = .inline) {
        self.itemProcessor = itemProcessor
        self.mode = mode
        self.itemsPath = .whole
    }
}

/// A number setting that may be a literal, a path, or a JSONata expression.
public enum DynamicNumber: Sendable, Hashable {
    case literal(Double)
    case path(JSONPath)
    case jsonata(String)
}
