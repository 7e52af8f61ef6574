// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc
import Synchronization

/// A cancellation flag plus a pipe that wakes the runner's `poll(2)` loop.
///
/// Swift task cancellation arrives on an arbitrary thread; writing one byte
/// to the pipe is the only way to interrupt the runner's thread while it
/// sits in `poll`. The mutex guarantees no byte is written to a closed (and
/// possibly reused) descriptor.
final class ProcessWakeup: Sendable {
    private struct State {
        var isCancelled = false
        var isClosed = false
    }

    /// The end that `poll` watches; readable once ``cancel()`` was called.
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let state = Mutex(State())

    init() throws(ProcessRunnerError) {
        let ends = try ProcessSystemCalls.makePipe()
        ProcessSystemCalls.setNonBlocking(ends.read)
        ProcessSystemCalls.setNonBlocking(ends.write)
        self.readDescriptor = ends.read
        self.writeDescriptor = ends.write
    }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool {
        self.state.withLock { $0.isCancelled }
    }

    /// Marks the run cancelled and wakes the runner's thread.
    func cancel() {
        self.state.withLock { state in
            state.isCancelled = true
            guard !state.isClosed else { return }
            var byte: UInt8 = 1
            _ = write(self.writeDescriptor, &byte, 1)
        }
    }

    /// Closes both ends; later calls to ``cancel()`` only set the flag.
    func close() {
        self.state.withLock { state in
            guard !state.isClosed else { return }
            state.isClosed = true
            _ = Glibc.close(self.readDescriptor)
            _ = Glibc.close(self.writeDescriptor)
        }
    }
}
