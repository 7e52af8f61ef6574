// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// How a process ended and what it printed.
public struct ProcessResult: Sendable, Hashable {
    /// Whether the process exited by itself or was ended by a signal.
    public var termination: Termination

    /// Everything the process wrote to standard output.
    public var standardOutput: [UInt8]

    /// The last bytes the process wrote to standard error, at most
    /// ``ProcessRequest/standardErrorLimit`` of them.
    public var standardError: [UInt8]

    /// How many bytes at the start of standard error were dropped to keep
    /// ``standardError`` within its limit; zero when nothing was dropped.
    public var droppedStandardErrorByteCount: Int

    /// The wall time from spawning the process to collecting its status.
    public var duration: Duration

    /// Whether the runner ended the process because its timeout passed.
    public var timedOut: Bool

    /// Creates a result; the runner makes these, tests and fakes may too.
    public init(
        termination: Termination,
        standardOutput: [UInt8] = [],
        standardError: [UInt8] = [],
        droppedStandardErrorByteCount: Int = 0,
        duration: Duration = .zero,
        timedOut: Bool = false
    ) {
        self.termination = termination
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.droppedStandardErrorByteCount = droppedStandardErrorByteCount
        self.duration = duration
        self.timedOut = timedOut
    }

    /// Whether the process exited with status 0 before any timeout.
    public var isSuccess: Bool {
        termination == .exited(0) && !timedOut
    }

    /// Whether some of standard error was dropped to respect the limit.
    public var isStandardErrorTruncated: Bool {
        droppedStandardErrorByteCount > 0
    }

    /// Standard error as text, prefixed with a note when its start was dropped.
    public var standardErrorText: String {
        let text = String(decoding: standardError, as: UTF8.self)
        guard isStandardErrorTruncated else { return text }
        return "[\(droppedStandardErrorByteCount) earlier bytes of standard error dropped]\n"
            + text
    }
}
