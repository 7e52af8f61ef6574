// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A command that stops with a message and a chosen exit status, without the
/// usage block a `CommandUsageError` prints: the arguments were well formed,
/// but what they name cannot be used (a database that is not one, say).
public struct CommandExit: Error, Sendable {
    public var message: String
    public var status: Int32

    public init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }
}
