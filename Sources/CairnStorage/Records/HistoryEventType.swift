// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The type of a history event, spelled as in Step Functions' `GetExecutionHistory`.
///
/// This is an open set: the static members name the types Cairn emits, and any other
/// name read from a database written by a newer build is kept as it is.
public struct HistoryEventType: RawRepresentable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The AWS name, such as `TaskStateEntered`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String {
        self.rawValue
    }
}

// MARK: - Known types

extension HistoryEventType {
    /// `ExecutionStarted`: the execution began; always event 1.
    public static let executionStarted: Self = "ExecutionStarted"
    /// `ExecutionSucceeded`: the execution ended with output.
    public static let executionSucceeded: Self = "ExecutionSucceeded"
    /// `ExecutionFailed`: the execution ended with an error.
    public static let executionFailed: Self = "ExecutionFailed"
    /// `ExecutionTimedOut`: the execution ran past the machine's TimeoutSeconds.
    public static let executionTimedOut: Self = "ExecutionTimedOut"
    /// `ExecutionAborted`: an operator stopped the execution.
    public static let executionAborted: Self = "ExecutionAborted"
    /// `ExecutionRedriven`: a stopped execution was redriven.
    public static let executionRedriven: Self = "ExecutionRedriven"

    /// `PassStateEntered`: a Pass state was entered.
    public static let passStateEntered: Self = "PassStateEntered"
    /// `PassStateExited`: a Pass state was left.
    public static let passStateExited: Self = "PassStateExited"
    /// `TaskStateEntered`: a Task state was entered.
    public static let taskStateEntered: Self = "TaskStateEntered"
    /// `TaskStateExited`: a Task state was left.
    public static let taskStateExited: Self = "TaskStateExited"
    /// `ChoiceStateEntered`: a Choice state was entered.
    public static let choiceStateEntered: Self = "ChoiceStateEntered"
    /// `ChoiceStateExited`: a Choice state was left.
    public static let choiceStateExited: Self = "ChoiceStateExited"
    /// `WaitStateEntered`: a Wait state was entered.
    public static let waitStateEntered: Self = "WaitStateEntered"
    /// `WaitStateExited`: a Wait state was left.
    public static let waitStateExited: Self = "WaitStateExited"
    /// `SucceedStateEntered`: a Succeed state was entered.
    public static let succeedStateEntered: Self = "SucceedStateEntered"
    /// `SucceedStateExited`: a Succeed state was left.
    public static let succeedStateExited: Self = "SucceedStateExited"
    /// `FailStateEntered`: a Fail state was entered.
    public static let failStateEntered: Self = "FailStateEntered"
    /// `ParallelStateEntered`: a Parallel state was entered.
    public static let parallelStateEntered: Self = "ParallelStateEntered"
    /// `ParallelStateExited`: a Parallel state was left.
    public static let parallelStateExited: Self = "ParallelStateExited"
    /// `ParallelStateStarted`: a Parallel state started its branches.
    public static let parallelStateStarted: Self = "ParallelStateStarted"
    /// `ParallelStateSucceeded`: all branches of a Parallel state succeeded.
    public static let parallelStateSucceeded: Self = "ParallelStateSucceeded"
    /// `ParallelStateFailed`: a Parallel state failed.
    public static let parallelStateFailed: Self = "ParallelStateFailed"
    /// `ParallelStateAborted`: a Parallel state was stopped.
    public static let parallelStateAborted: Self = "ParallelStateAborted"
    /// `MapStateEntered`: a Map state was entered.
    public static let mapStateEntered: Self = "MapStateEntered"
    /// `MapStateExited`: a Map state was left.
    public static let mapStateExited: Self = "MapStateExited"
    /// `MapStateStarted`: a Map state started its branches.
    public static let mapStateStarted: Self = "MapStateStarted"
    /// `MapStateSucceeded`: all branches of a Map state succeeded.
    public static let mapStateSucceeded: Self = "MapStateSucceeded"
    /// `MapStateFailed`: a Map state failed.
    public static let mapStateFailed: Self = "MapStateFailed"
    /// `MapStateAborted`: a Map state was stopped.
    public static let mapStateAborted: Self = "MapStateAborted"
    /// `MapIterationStarted`: one Map iteration began.
    public static let mapIterationStarted: Self = "MapIterationStarted"
    /// `MapIterationSucceeded`: one Map iteration ended with output.
    public static let mapIterationSucceeded: Self = "MapIterationSucceeded"
    /// `MapIterationFailed`: one Map iteration ended with an error.
    public static let mapIterationFailed: Self = "MapIterationFailed"
    /// `MapIterationAborted`: one Map iteration was stopped.
    public static let mapIterationAborted: Self = "MapIterationAborted"

    /// `TaskScheduled`: a task was handed to its resource.
    public static let taskScheduled: Self = "TaskScheduled"
    /// `TaskStarted`: the resource began running the task.
    public static let taskStarted: Self = "TaskStarted"
    /// `TaskSubmitted`: the resource accepted a `.sync` or callback task.
    public static let taskSubmitted: Self = "TaskSubmitted"
    /// `TaskSucceeded`: the task returned a result.
    public static let taskSucceeded: Self = "TaskSucceeded"
    /// `TaskFailed`: the task reported an error.
    public static let taskFailed: Self = "TaskFailed"
    /// `TaskTimedOut`: the task ran past its TimeoutSeconds or HeartbeatSeconds.
    public static let taskTimedOut: Self = "TaskTimedOut"
    /// `TaskStartFailed`: the task could not be started.
    public static let taskStartFailed: Self = "TaskStartFailed"
    /// `TaskSubmitFailed`: the resource refused the task.
    public static let taskSubmitFailed: Self = "TaskSubmitFailed"
}
