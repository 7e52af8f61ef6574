// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The command line asks for something the command does not offer.
///
/// The parser throws these, and a command's ``Command/run(_:)`` may throw
/// one for a rule the parser cannot express (two options that exclude each
/// other). Either way the user sees
///
/// ```
/// Error: Unknown option '--jsn'; did you mean '--json'?
/// Usage: cairn execution list [--status <status>] [--json]
/// See 'cairn execution list --help'.
/// ```
///
/// on standard error, and the process exits with status 2.
public struct CommandUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, without a trailing period: `Unknown option '--jsn'`.
    public var message: String
    /// A close match for a misspelt name, such as `--json`.
    public var suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    /// The message followed by `; did you mean '<suggestion>'?` when there is one.
    public var description: String {
        guard let suggestion else { return message }
        return "\(message); did you mean '\(suggestion)'?"
    }
}
