// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Which executions to list; every field left `nil` matches everything.
public struct ExecutionFilter: Sendable, Hashable {
    /// Only executions with this status.
    public var status: ExecutionStatus?
    /// Only executions of the workflow with this name.
    public var workflowName: String?
    /// At most this many executions, the newest ones.
    public var limit: Int?

    /// Creates a filter.
    public init(status: ExecutionStatus? = nil, workflowName: String? = nil, limit: Int? = nil) {
        self.status = status
        self.workflowName = workflowName
        self.limit = limit
    }
}
