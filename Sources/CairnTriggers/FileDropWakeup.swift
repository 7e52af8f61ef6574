// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc
import Synchronization

/// A stop flag plus a pipe that interrupts a watcher's `poll(2)` wait.
///
/// ``stop()`` may come from any thread while the watcher's thread sits in
/// `poll`; one byte written to the pipe wakes it. The mutex guarantees no byte
/// is written to a closed, and possibly reused, descriptor.
final class FileDropWakeup: Sendable {
    private struct State {
        var isStopped = false
        var isClosed = false
    }

    private let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let state = Mutex(State())

    /// - Throws: `FileDropError` with code `watchFailed` when no pipe can be made.
    init() throws(FileDropError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw FileDropError(
                code: .watchFailed,
                message: "cannot create the watcher's wake-up pipe",
                errorNumber: errno,
                function: "pipe"
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

    /// Whether ``stop()`` was called.
    var isStopped: Bool {
        self.state.withLock { $0.isStopped }
    }

    /// Marks the watcher stopped and wakes its thread.
    func stop() {
        self.state.withLock { state in
            state.isStopped = true
            guard !state.isClosed else { return }
            var byte: UInt8 = 1
            _ = write(self.writeDescriptor, &byte, 1)
        }
    }

    /// Closes both ends; a later ``stop()`` only sets the flag.
    func close() {
        self.state.withLock { state in
            guard !state.isClosed else { return }
            state.isClosed = true
            _ = Glibc.close(self.readDescriptor)
            _ = Glibc.close(self.writeDescriptor)
        }
    }

    /// Waits until `descriptor` is readable, ``stop()`` is called, or `timeout` passes.
    ///
    /// - Parameters:
    ///   - descriptor: Another descriptor to wait on, such as an inotify instance's.
    ///   - timeout: The longest wait; zero only checks.
    /// - Returns: Whether `descriptor` is readable.
    func wait(for descriptor: Int32?, upTo timeout: Duration) -> Bool {
        guard !self.isStopped else { return false }
        var descriptors = [pollfd(fd: self.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let descriptor {
            descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        let components = max(timeout, .zero).components
        let milliseconds =
            components.seconds * 1000
            + (components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        let clamped = Int32(min(milliseconds, Int64(Int32.max)))
        var ready: Int32
        repeat {
            ready = poll(&descriptors, nfds_t(descriptors.count), clamped)
        } while ready < 0 && errno == EINTR
        guard ready > 0, descriptors.count > 1 else { return false }
        return descriptors[1].revents != 0
    }
}
