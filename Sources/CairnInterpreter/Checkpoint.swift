// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition

/// Everything the interpreter needs to continue an execution: where each
/// branch stands, the effective input of each current state, retry counters,
/// variables and the progress of Map and Parallel states.
///
/// The store saves it with every transition; after a crash it is read back
/// and the execution continues from it, never from the start.
public struct Checkpoint: Codable, Sendable, Hashable {
    public enum Status: Codable, Sendable, Hashable {
        case running
        case succeeded(output: StoredJSON)
        case failed(WorkflowFailure)
        case timedOut(WorkflowFailure)
        case aborted(WorkflowFailure)

        public var isTerminal: Bool {
            if case .running = self { false } else { true }
        }
    }

    public var status: Status
    public var info: ExecutionInfo
    /// The id the next history event gets.
    public var nextEventID: Int
    /// The top-level state machine's position.
    var root: Frame
    /// The state of the pseudo-random generator behind `JitterStrategy: FULL`
    /// and `States.MathRandom`/`States.UUID`, so replays are deterministic.
    var randomState: UInt64
    /// Tasks started and not yet reported, by task id.
    public var runningTasks: [String: TaskRequest]
    /// Timers started and not yet fired: id to due time in epoch milliseconds.
    public var pendingTimers: [String: Int64]
}

/// Facts about an execution that its context object (`$$`) exposes.
public struct ExecutionInfo: Codable, Sendable, Hashable {
    public var executionID: String
    public var executionName: String
    public var stateMachineName: String
    public var input: StoredJSON
    /// Milliseconds since the epoch.
    public var startTime: Int64
    public var redriveCount: Int
    /// The task of another execution that waits for this one to end
    /// (`cairn:workflow.start.sync`).
    public var parentTask: ParentTask?

    public init(
        executionID: String,
        executionName: String,
        stateMachineName: String,
        input: JSONValue,
        startTime: Int64,
        redriveCount: Int = 0,
        parentTask: ParentTask? = nil
    ) {
        self.executionID = executionID
        self.executionName = executionName
        self.stateMachineName = stateMachineName
        self.input = StoredJSON(input)
        self.startTime = startTime
        self.redriveCount = redriveCount
        self.parentTask = parentTask
    }

    /// The ARN-shaped execution id that `$$.Execution.Id` shows.
    var executionARN: String {
        "arn:cairn:states:local:000000000000:execution:\(stateMachineName):\(executionName)"
    }

    var stateMachineARN: String {
        "arn:cairn:states:local:000000000000:stateMachine:\(stateMachineName)"
    }
}

/// A task of a parent execution that a child execution reports to when it ends.
public struct ParentTask: Codable, Sendable, Hashable {
    public var executionID: String
    public var taskID: String

    public init(executionID: String, taskID: String) {
        self.executionID = executionID
        self.taskID = taskID
    }
}

/// Which nested state machine a frame runs: the path of Parallel branches and
/// Map item processors from the top level.
enum MachineStep: Codable, Sendable, Hashable {
    case branch(state: String, index: Int)
    case itemProcessor(state: String)
}

/// The run of one state machine: the top level, one Parallel branch, or one
/// Map iteration.
struct Frame: Codable, Sendable, Hashable {
    enum Phase: Codable, Sendable, Hashable {
        /// Not started yet (a Map iteration held back by MaxConcurrency).
        case pending
        /// About to run `stateName` with `rawInput`.
        case ready
        case awaitingTask(taskID: String)
        case awaitingTimer(timerID: String, purpose: TimerPurpose)
        case awaitingChildren
        case succeeded(output: StoredJSON)
        case failed(WorkflowFailure)

        var isFinished: Bool {
            switch self {
            case .succeeded, .failed: true
            default: false
            }
        }
    }

    enum TimerPurpose: Codable, Sendable, Hashable {
        case wait
        case retry
    }

    var id: String
    var machine: [MachineStep]
    var stateName: String
    /// The current state's input before `InputPath`.
    var rawInput: StoredJSON
    var enteredEventID: Int
    var enteredAt: Int64
    /// How often each retrier of the current state has retried.
    var retryCounts: [Int]
    /// Attempts of the current state so far, 1 on first entry.
    var attempt: Int
    var phase: Phase
    /// Variables assigned in this frame; a frame also sees its ancestors'.
    var variables: [String: StoredJSON]
    /// Branches or iterations of the Parallel or Map state now running.
    var children: [Frame]
    /// For a Map iteration: its index and item (`$$.Map.Item`).
    var mapItem: MapItem?
    /// Extra facts the Parallel or Map state computed on entry.
    var branching: Branching?
}

struct MapItem: Codable, Sendable, Hashable {
    var index: Int
    var value: StoredJSON
}

/// What a Parallel or Map state computed when it started its children.
struct Branching: Codable, Sendable, Hashable {
    /// The state input after InputPath (and Parameters for Parallel).
    var effectiveInput: StoredJSON
    var maxConcurrency: Int
    var toleratedFailureCount: Int?
    var toleratedFailurePercentage: Double?
    /// Map iterations whose end has been recorded in the history.
    var reportedIterations: Set<Int> = []
}
