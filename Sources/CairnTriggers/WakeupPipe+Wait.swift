// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Glibc

extension WakeupPipe {
    /// Waits until `descriptor` is readable, ``stop()`` is called, or `timeout` passes.
    ///
    /// - Parameters:
    ///   - descriptor: Another descriptor to wait on, such as an inotify instance's.
    ///   - timeout: The longest wait; zero only checks.
    /// - Returns: Whether `descriptor` is readable.
    func wait(for descriptor: Int32?, upTo timeout: Duration) -> Bool {
        guard !self.isRaised else { return false }
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
