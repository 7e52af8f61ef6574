// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension ProcessResult {
    /// The way a process ended, as `waitpid(2)` reports it.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        /// The process called `exit` with this status (0 through 255).
        case exited(Int32)
        /// The process was ended by this signal number (`SIGKILL` is 9).
        case signaled(Int32)

        /// `exit status 3` or `signal 9`, for messages.
        public var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signaled(let signal): "signal \(signal)"
            }
        }

        /// Decodes a raw `waitpid(2)` status word.
        ///
        /// `WIFEXITED` and friends are C macros that Swift cannot import, so
        /// the bit layout they use on Linux is spelled out here.
        init(waitStatus status: Int32) {
            let signal = status & 0x7f
            if signal == 0 {
                self = .exited((status >> 8) & 0xff)
            } else {
                self = .signaled(signal)
            }
        }
    }
}
