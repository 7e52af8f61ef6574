// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// What to run: a command line, where, with which extra variables and input.
///
/// The command is an argument vector handed to the kernel as is; no shell
/// ever sees it, so spaces, quotes and `$` in arguments need no escaping.
///
/// ```swift
/// let request = ProcessRequest(
///     command: ["python3", "train.py", "--epochs", "3"],
///     environment: ["CAIRN_STATE_NAME": "Train"],
///     workingDirectory: "/srv/workflows",
///     standardInput: Array(#"{"rows": 1200}"#.utf8),
///     timeout: .seconds(3600)
/// )
/// ```
public struct ProcessRequest: Sendable, Hashable {
    /// The program and its arguments; the first element names the program.
    ///
    /// A name without a slash is looked up in the `PATH` of the process's
    /// environment; a name with a slash is a path, relative ones being taken
    /// from `workingDirectory`.
    public var command: [String]

    /// Variables added to (or replacing those of) the runner's base environment.
    public var environment: [String: String]

    /// The directory the process starts in; `nil` keeps the current one.
    public var workingDirectory: String?

    /// Bytes written to the process's standard input, which is then closed.
    public var standardInput: [UInt8]

    /// How long the process may run before its process group is terminated.
    public var timeout: Duration?

    /// How long the process group gets between `SIGTERM` and `SIGKILL`.
    ///
    /// The same period bounds how long output is still read after the
    /// process exited, in case a descendant that left the process group
    /// keeps the pipes open.
    public var terminationGracePeriod: Duration

    /// How many bytes at the end of standard error are kept.
    public var standardErrorLimit: Int

    /// The default number of standard error bytes kept: 64 KiB.
    public static let defaultStandardErrorLimit = 64 * 1024

    /// Creates a request; only `command` is required.
    public init(
        command: [String],
        environment: [String: String] = [:],
        workingDirectory: String? = nil,
        standardInput: [UInt8] = [],
        timeout: Duration? = nil,
        terminationGracePeriod: Duration = .seconds(2),
        standardErrorLimit: Int = ProcessRequest.defaultStandardErrorLimit
    ) {
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
        self.timeout = timeout
        self.terminationGracePeriod = terminationGracePeriod
        self.standardErrorLimit = standardErrorLimit
    }
}
