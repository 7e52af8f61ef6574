// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Glibc

/// Feeds a child's standard input, drains its output and waits for it, on
/// one thread, with one `poll(2)` loop.
///
/// All three pipes are serviced by the same loop, so a child that fills its
/// stdout pipe while the runner still writes its stdin cannot deadlock. The
/// loop also wakes for the child's exit (through a pidfd, or every 20 ms
/// where the kernel has none), for the timeout and grace deadlines and for
/// cancellation.
struct ProcessMonitor {
    /// How the loop ended, before it is turned into a result or an error.
    struct Outcome {
        var waitStatus: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        var droppedStandardErrorByteCount: Int
        var timedOut: Bool
        var wasCancelled: Bool
    }

    private enum Phase {
        case running
        case terminating(killAt: ContinuousClock.Instant)
        case killed
        case exited(status: Int32, drainUntil: ContinuousClock.Instant)
    }

    private let process: SpawnedProcess
    private let wakeup: WakeupPipe
    private let timeoutAt: ContinuousClock.Instant?
    private let gracePeriod: Duration
    private let standardErrorLimit: Int
    /// Standard error is trimmed only when it grows past twice its limit,
    /// so that trimming costs amortised constant time per byte.
    private let errorBufferCapacity: Int
    private let clock = ContinuousClock()

    private var input: [UInt8]
    private var inputOffset = 0
    private var inputDescriptor: Int32?
    private var outputDescriptor: Int32?
    private var errorDescriptor: Int32?
    private var output: [UInt8] = []
    private var error: [UInt8] = []
    private var droppedErrorBytes = 0
    private var phase = Phase.running
    private var timedOut = false
    private var wasCancelled = false

    init(process: SpawnedProcess, request: ProcessRequest, wakeup: WakeupPipe) {
        self.process = process
        self.wakeup = wakeup
        self.timeoutAt = request.timeout.map { ContinuousClock.now + $0 }
        self.gracePeriod = request.terminationGracePeriod
        self.standardErrorLimit = max(0, request.standardErrorLimit)
        self.errorBufferCapacity =
            self.standardErrorLimit > Int.max / 2 ? Int.max : 2 * self.standardErrorLimit
        self.input = request.standardInput
        self.inputDescriptor = process.standardInput
        self.outputDescriptor = process.standardOutput
        self.errorDescriptor = process.standardError
    }

    // MARK: - Loop

    /// Runs until the child has exited and its pipes are drained.
    mutating func run() -> Outcome {
        if self.input.isEmpty {
            closeInput()
        }
        while true {
            // Deadlines come first, so that a chatty child cannot starve them.
            checkDeadlines(now: self.clock.now)
            if case .exited(let status, let drainUntil) = self.phase,
                (self.outputDescriptor == nil && self.errorDescriptor == nil)
                    || self.clock.now >= drainUntil
            {
                return finish(waitStatus: status)
            }

            var descriptors = makePollDescriptors()
            let timeout = pollTimeout(now: self.clock.now)
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno != EINTR {
                // poll only fails for lack of memory; end the child rather
                // than spin, and let the grace period run its course.
                terminate(reason: .failure, now: self.clock.now)
            }
            if ready > 0 {
                service(descriptors)
            }
            reapIfExited()
        }
    }

    private func makePollDescriptors() -> [pollfd] {
        let wakeup = pollfd(fd: self.wakeup.readDescriptor, events: Int16(POLLIN), revents: 0)
        var descriptors = [wakeup]
        if let inputDescriptor {
            descriptors.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0))
        }
        for descriptor in [self.outputDescriptor, self.errorDescriptor].compactMap({ $0 }) {
            descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        if case .exited = self.phase {
            return descriptors
        }
        if let processDescriptor = self.process.processDescriptor {
            descriptors.append(pollfd(fd: processDescriptor, events: Int16(POLLIN), revents: 0))
        }
        return descriptors
    }

    /// Milliseconds until the next deadline, or -1 to wait for descriptors only.
    private func pollTimeout(now: ContinuousClock.Instant) -> Int32 {
        var deadlines: [ContinuousClock.Instant] = []
        switch self.phase {
        case .running:
            if let timeoutAt { deadlines.append(timeoutAt) }
        case .terminating(let killAt):
            deadlines.append(killAt)
        case .killed:
            break
        case .exited(_, let drainUntil):
            deadlines.append(drainUntil)
        }
        var milliseconds = deadlines.min().map { Self.milliseconds(now.duration(to: $0)) } ?? -1
        let isExited = if case .exited = self.phase { true } else { false }
        if self.process.processDescriptor == nil && !isExited {
            milliseconds = milliseconds < 0 ? 20 : min(milliseconds, 20)
        }
        return Int32(clamping: milliseconds)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        // Round up, so that poll never returns just before the deadline.
        let rest = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: seconds.multipliedReportingOverflow(by: 1000).partialValue + rest)
    }

    // MARK: - Deadlines and signals

    private enum TerminationReason { case timeout, cancelled, failure }

    private mutating func checkDeadlines(now: ContinuousClock.Instant) {
        if self.wakeup.isRaised {
            terminate(reason: .cancelled, now: now)
        }
        switch self.phase {
        case .running:
            if let timeoutAt, now >= timeoutAt {
                terminate(reason: .timeout, now: now)
            }
        case .terminating(let killAt) where now >= killAt:
            signalGroup(SIGKILL)
            self.phase = .killed
        case .terminating, .killed, .exited:
            break
        }
    }

    private mutating func terminate(reason: TerminationReason, now: ContinuousClock.Instant) {
        guard case .running = self.phase else { return }
        switch reason {
        case .timeout: self.timedOut = true
        case .cancelled: self.wasCancelled = true
        case .failure: break
        }
        signalGroup(SIGTERM)
        self.phase = .terminating(killAt: now + self.gracePeriod)
    }

    private func signalGroup(_ signal: Int32) {
        _ = kill(-self.process.processID, signal)
    }

    /// Reaps the child once it has exited, first killing what is left of its
    /// process group.
    ///
    /// `WNOWAIT` leaves the child a zombie while the group is killed: the
    /// zombie keeps its pid, and so the group id, from being reused, which
    /// makes the group kill safe. Leftover members would otherwise hold the
    /// output pipes open and outlive the task.
    private mutating func reapIfExited() {
        if case .exited = self.phase { return }
        var info = siginfo_t()
        let found = waitid(P_PID, id_t(self.process.processID), &info, WEXITED | WNOHANG | WNOWAIT)
        if found < 0 && errno == ECHILD {
            // Someone else reaped the child (a host that sets SIGCHLD to
            // SIG_IGN gets that from the kernel): its status is lost, so
            // report exit status 255 rather than wait forever.
            signalGroup(SIGKILL)
            closeInput()
            self.phase = .exited(status: 255 << 8, drainUntil: self.clock.now + self.gracePeriod)
            return
        }
        guard found == 0, info.si_signo == SIGCHLD else { return }

        signalGroup(SIGKILL)
        var status: Int32 = 0
        while waitpid(self.process.processID, &status, 0) < 0 && errno == EINTR {}
        closeInput()
        self.phase = .exited(status: status, drainUntil: self.clock.now + self.gracePeriod)
    }

    // MARK: - Pipes

    private mutating func service(_ descriptors: [pollfd]) {
        for descriptor in descriptors where descriptor.revents != 0 {
            // The pidfd needs no handling: reapIfExited runs after every wake-up.
            if descriptor.fd == self.wakeup.readDescriptor {
                var bytes = [UInt8](repeating: 0, count: 16)
                _ = read(descriptor.fd, &bytes, bytes.count)
            } else if descriptor.fd == self.inputDescriptor {
                writeInput()
            } else if descriptor.fd == self.outputDescriptor {
                if !drain(descriptor.fd, into: &self.output) {
                    self.outputDescriptor = nil
                }
            } else if descriptor.fd == self.errorDescriptor {
                if !drain(descriptor.fd, into: &self.error) {
                    self.errorDescriptor = nil
                }
                trimError(to: self.errorBufferCapacity)
            }
        }
    }

    private mutating func writeInput() {
        guard let descriptor = self.inputDescriptor else { return }
        let remaining = self.input.count - self.inputOffset
        let written = self.input.withUnsafeBytes { bytes in
            let start = bytes.baseAddress?.advanced(by: self.inputOffset)
            return write(descriptor, start, min(remaining, 65_536))
        }
        if written > 0 {
            self.inputOffset += written
            if self.inputOffset == self.input.count {
                closeInput()
            }
        } else if written < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: the child closed its standard input, which it may do.
            // SIGPIPE is blocked on this thread, so only errno tells.
            closeInput()
        }
    }

    /// Reads what is available; returns false, having closed it, at end of file.
    private func drain(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // A bounded number of reads per wake-up keeps the other pipe served.
        for _ in 0..<16 {
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count < 0 && (errno == EAGAIN || errno == EINTR) {
                return true
            } else {
                _ = close(descriptor)
                return false
            }
        }
        return true
    }

    private mutating func trimError(to limit: Int) {
        let excess = self.error.count - limit
        guard excess > 0 else { return }
        self.error.removeFirst(excess)
        self.droppedErrorBytes += excess
    }

    private mutating func closeInput() {
        guard let descriptor = self.inputDescriptor else { return }
        _ = close(descriptor)
        self.inputDescriptor = nil
    }

    private mutating func finish(waitStatus: Int32) -> Outcome {
        for descriptor in [self.outputDescriptor, self.errorDescriptor].compactMap({ $0 }) {
            _ = close(descriptor)
        }
        self.outputDescriptor = nil
        self.errorDescriptor = nil
        if let processDescriptor = self.process.processDescriptor {
            _ = close(processDescriptor)
        }
        trimError(to: self.standardErrorLimit)
        return Outcome(
            waitStatus: waitStatus,
            standardOutput: self.output,
            standardError: self.error,
            droppedStandardErrorByteCount: self.droppedErrorBytes,
            timedOut: self.timedOut,
            wasCancelled: self.wasCancelled
        )
    }
}
