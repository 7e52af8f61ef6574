// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc
import Synchronization

/// A flag plus a pipe that interrupts a thread waiting in `poll(2)`.
///
/// ``raise()`` may come from any thread (a Swift task's cancellation, a
/// watcher being stopped) while another thread sits in `poll` on
/// ``readDescriptor``; one byte written to the pipe wakes it. The mutex
/// guarantees no byte is written to a closed, and possibly reused, descriptor.
public final class WakeupPipe: Sendable {
    private struct State {
        var isRaised = false
        var isClosed = false
    }

    /// The end to `poll`; readable once ``raise()`` was called.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let state = Mutex(State())

    /// Opens the pipe, non-blocking and closed on exec at both ends.
    ///
    /// - Throws: `CairnCoreError` with the `errno` text when `pipe(2)` fails.
    public init() throws(CairnCoreError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw CairnCoreError(
                code: .invalidArgument,
                message: "cannot create a wake-up pipe: \(String(cString: strerror(errno)))"
            )
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        self.readDescriptor = ends[0]
        self.writeDescriptor = ends[1]
    }

    deinit {
        self.close()
    }

    /// Whether ``raise()`` was called.
    public var isRaised: Bool {
        self.state.withLock { $0.isRaised }
    }

    /// Sets the flag and wakes the waiting thread.
    public func raise() {
        self.state.withLock { state in
            state.isRaised = true
            guard !state.isClosed else { return }
            var byte: UInt8 = 1
            _ = write(self.writeDescriptor, &byte, 1)
        }
    }

    /// Closes both ends; a later ``raise()`` only sets the flag.
    public func close() {
        self.state.withLock { state in
            guard !state.isClosed else { return }
            state.isClosed = true
            _ = Glibc.close(self.readDescriptor)
            _ = Glibc.close(self.writeDescriptor)
        }
    }
}
