// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// An error as the States Language sees it: a name that Retry and Catch match
/// (`States.TaskFailed`, `States.Runtime`, a task's own name) and a cause text.
///
/// These are data, stored in history and shown to users, not Swift errors
/// that unwind the engine; they conform to `Error` only so that pure
/// evaluation code can throw them to the state that raised them.
public struct WorkflowFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var error: String
    public var cause: String?

    public init(error: String, cause: String?) {
        self.error = error
        self.cause = cause
    }

    public var description: String {
        cause.map { "\(error): \($0)" } ?? error
    }
}

extension WorkflowFailure {
    /// The predefined error names of the States Language.
    public enum Name {
        public static let all = "States.ALL"
        public static let heartbeatTimeout = "States.HeartbeatTimeout"
        public static let timeout = "States.Timeout"
        public static let taskFailed = "States.TaskFailed"
        public static let permissions = "States.Permissions"
        public static let resultPathMatchFailure = "States.ResultPathMatchFailure"
        public static let parameterPathFailure = "States.ParameterPathFailure"
        public static let queryEvaluationError = "States.QueryEvaluationError"
        public static let branchFailed = "States.BranchFailed"
        public static let noChoiceMatched = "States.NoChoiceMatched"
        public static let intrinsicFailure = "States.IntrinsicFailure"
        public static let exceedToleratedFailureThreshold =
            "States.ExceedToleratedFailureThreshold"
        public static let itemReaderFailed = "States.ItemReaderFailed"
        public static let resultWriterFailed = "States.ResultWriterFailed"
        public static let runtime = "States.Runtime"
        public static let dataLimitExceeded = "States.DataLimitExceeded"
    }
}
