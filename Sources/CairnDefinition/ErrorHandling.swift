// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A `Retry` entry: which errors it retries, and how long it waits.
public struct Retrier: Sendable, Hashable {
    public enum JitterStrategy: String, Sendable, Hashable {
        case full = "FULL"
        case none = "NONE"
    }

    public var errorEquals: [String]
    public var intervalSeconds: Int = 1
    public var maxAttempts: Int = 3
    public var backoffRate: Double = 2.0
    public var maxDelaySeconds: Int?
    public var jitterStrategy: JitterStrategy = .none

    public init(errorEquals: [String]) {
        self.errorEquals = errorEquals
    }
}

/// A `Catch` entry: which errors it catches and where it sends them.
public struct Catcher: Sendable {
    public var errorEquals: [String]
    public var next: String
    /// Where the error output goes in the state input (JSONPath states).
    public var resultPath: DataPath = .whole
    public var assign: Assignment?
    /// `Output` of a JSONata catcher.
    public var output: JSONValue?

    public init(errorEquals: [String], next: String) {
        self.errorEquals = errorEquals
        self.next = next
    }
}
