// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation
import Synchronization

/// Watches one file-drop trigger's directory and offers each dropped file
/// once it is complete and its content has not fired before.
///
/// Creating a watcher sets up inotify (or polling) and takes stock of the
/// files already there; they fire like new ones once complete (a file found
/// at start settles when it stays unchanged for the settle period). The
/// watcher keeps no durable state: the ledger says what already fired, so a
/// new watcher after a restart offers only what has not.
///
/// The daemon reads ``candidates()`` and, for each candidate, records the
/// fingerprint and creates the execution in one transaction (skipping the
/// candidate when the fingerprint's drop key is already recorded). With
/// archiving it first claims the file with ``FileDropArchiver``, names the
/// claimed path in the execution's input, and finishes the claim when the
/// execution ends; at start it releases claimed files that no recorded
/// execution names. Tests may drive ``step(waitingUpTo:)`` themselves instead.
///
/// ```swift
/// let watcher = try FileDropWatcher(configuration: settings, ledger: ledger)
/// for try await candidate in watcher.candidates() {
///     try store.startExecution(for: candidate)  // records the fingerprint too
/// }
/// ```
public final class FileDropWatcher: Sendable {
    /// The trigger's settings.
    public let configuration: FileDropConfiguration
    private let wakeup: WakeupPipe
    private let engine: Mutex<FileDropEngine>
    private let status: Mutex<(mode: FileDropWatchMode, fallbackReason: String?)>

    /// Starts watching and takes stock of the files already present.
    ///
    /// - Parameters:
    ///   - configuration: The trigger's settings.
    ///   - ledger: What already fired; consulted before a file is offered.
    ///   - clock: The time that settle periods and poll intervals use.
    /// - Throws: `FileDropError` with code `directoryUnreadable` when the
    ///   directory cannot be listed, `watchFailed` when the mode is `inotify`
    ///   and inotify cannot be set up.
    public init(
        configuration: FileDropConfiguration,
        ledger: any FileDropLedger,
        clock: FileDropClock = .system
    ) throws(FileDropError) {
        self.configuration = configuration
        do {
            self.wakeup = try WakeupPipe()
        } catch {
            throw FileDropError(code: .watchFailed, message: error.message, function: "pipe")
        }
        let engine = try FileDropEngine(configuration: configuration, ledger: ledger, clock: clock)
        self.status = Mutex((engine.activeMode, engine.fallbackReason))
        self.engine = Mutex(engine)
    }

    /// How changes are noticed now: `inotify` or `poll`, never `auto`.
    ///
    /// An `auto` watcher can move from inotify to polling while it runs, when
    /// a new subdirectory cannot be watched.
    public var activeMode: FileDropWatchMode {
        self.status.withLock { $0.mode }
    }

    /// Why an `auto` watcher polls, such as the file system's name or the
    /// inotify error; `nil` while it uses inotify. The daemon may log it.
    public var fallbackReason: String? {
        self.status.withLock { $0.fallbackReason }
    }

    /// Waits for changes, at most `timeout` or until the next file may settle,
    /// and returns the files that became ready.
    ///
    /// Call it from one thread at a time; ``stop()`` may come from any.
    ///
    /// - Parameter timeout: The longest wait; `.zero` only looks.
    /// - Returns: Files that are complete and not yet fired, by path.
    /// - Throws: `FileDropError` when the directory went away or cannot be
    ///   watched, or what the ledger throws; the watcher may be stepped again.
    public func step(waitingUpTo timeout: Duration) throws -> [FileDropCandidate] {
        let (ready, mode, reason) = try self.engine.withLock { engine in
            let ready = try engine.step(waitingUpTo: timeout, wakeup: self.wakeup)
            return (ready, engine.activeMode, engine.fallbackReason)
        }
        self.status.withLock { $0 = (mode, reason) }
        return ready
    }

    /// The ready files as they come, found on a thread of the watcher's own
    /// (it blocks in `poll(2)`, which must not hold up Swift's cooperative pool).
    ///
    /// Call it once. The stream ends when ``stop()`` is called or the consumer
    /// stops iterating, and throws when the watcher fails; a file offered but
    /// not yet recorded in the ledger is offered again by the next watcher.
    public func candidates() -> AsyncThrowingStream<FileDropCandidate, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: FileDropCandidate.self,
            throwing: (any Error).self
        )
        continuation.onTermination = { _ in self.stop() }
        let thread = Thread {
            do {
                while !self.wakeup.isRaised {
                    for candidate in try self.step(waitingUpTo: .seconds(1)) {
                        continuation.yield(candidate)
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "cairn.file-drop"
        thread.start()
        return stream
    }

    /// Stops the watcher: a waiting ``step(waitingUpTo:)`` returns at once, and
    /// ``candidates()`` ends.
    public func stop() {
        self.wakeup.raise()
    }

    /// The files being watched until they complete, relative and sorted.
    var pendingPaths: [String] {
        self.engine.withLock { $0.tracker.pendingPaths }
    }

    /// Reads and drops every queued inotify event, to stage a lost-event test.
    func discardQueuedEvents() throws(FileDropError) {
        try self.engine.withLock { engine throws(FileDropError) in
            try engine.discardQueuedEvents()
        }
    }
}
