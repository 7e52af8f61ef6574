// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// The single-threaded heart of a ``FileDropWatcher``: where changes come
/// from (inotify or polling), and the tracker that turns them into ready files.
struct FileDropEngine {
    /// Where changes come from.
    private enum Source {
        case inotify(InotifyDirectoryWatch)
        case poll(DirectoryPoller, nextScan: Duration)
    }

    let configuration: FileDropConfiguration
    private let clock: FileDropClock
    private(set) var tracker: FileDropTracker
    private var source: Source
    private(set) var fallbackReason: String?

    init(
        configuration: FileDropConfiguration,
        ledger: any FileDropLedger,
        clock: FileDropClock
    ) throws(FileDropError) {
        self.configuration = configuration
        self.clock = clock
        self.tracker = FileDropTracker(configuration: configuration, ledger: ledger)
        self.source = .poll(DirectoryPoller(configuration: configuration), nextScan: clock.now())
        try self.start()
    }

    /// `inotify` or `poll`.
    var activeMode: FileDropWatchMode {
        switch self.source {
        case .inotify: .inotify
        case .poll: .poll
        }
    }

    /// Chooses the source and reports every present file as seen.
    private mutating func start() throws(FileDropError) {
        let mode = self.configuration.mode
        if mode == .auto,
            let name = InotifySupport.unreliableFileSystem(at: configuration.directory)
        {
            try self.fallBackToPolling(
                because: "the directory is on \(name), where inotify misses changes"
            )
            return
        }
        guard mode != .poll else {
            try self.fallBackToPolling(because: nil)
            return
        }
        do {
            let watch = try InotifyDirectoryWatch(configuration: self.configuration)
            let changes = try watch.scan()
            self.source = .inotify(watch)
            self.apply(changes)
        } catch where mode == .auto && error.code == .watchFailed {
            try self.fallBackToPolling(because: error.description)
        }
    }

    /// Switches to polling and scans at once; files keep their state, and no
    /// `IN_CLOSE_WRITE` will come for those that had a writer.
    private mutating func fallBackToPolling(because reason: String?) throws(FileDropError) {
        var poller = DirectoryPoller(configuration: self.configuration)
        let changes = try poller.scan()
        self.source = .poll(poller, nextScan: self.clock.now() + self.configuration.pollInterval)
        self.fallbackReason = reason
        self.tracker.forgetWriters()
        self.apply(changes)
    }

    private mutating func apply(_ changes: [FileDropChange]) {
        let now = self.clock.now()
        for change in changes {
            self.tracker.apply(change, at: now)
        }
    }

    // MARK: - Stepping

    /// Waits for changes, at most `timeout` or until the next deadline, takes
    /// them in, and returns the files that are ready.
    mutating func step(
        waitingUpTo timeout: Duration,
        wakeup: WakeupPipe
    ) throws -> [FileDropCandidate] {
        let now = self.clock.now()
        let deadlines = [self.tracker.nextDeadline, self.nextScan].compactMap { $0 }
        let untilDeadline = deadlines.min().map { max($0 - now, .zero) }
        let wait = min(timeout, untilDeadline ?? timeout)

        switch self.source {
        case .inotify(let watch):
            _ = wakeup.wait(for: watch.descriptor, upTo: wait)
            try self.readInotify(watch)
        case .poll(var poller, let nextScan):
            _ = wakeup.wait(for: nil, upTo: wait)
            if self.clock.now() >= nextScan {
                let changes = try poller.scan()
                self.source = .poll(poller, nextScan: self.clock.now() + configuration.pollInterval)
                self.apply(changes)
            }
        }
        return try self.tracker.collectReady(at: self.clock.now())
    }

    private var nextScan: Duration? {
        guard case .poll(_, let nextScan) = self.source else { return nil }
        return nextScan
    }

    /// Takes in queued inotify events; rescans after an overflow, and falls
    /// back to polling when an `auto` watcher cannot watch a new subdirectory.
    private mutating func readInotify(_ watch: InotifyDirectoryWatch) throws(FileDropError) {
        do {
            let (changes, overflowed) = try watch.readChanges()
            self.apply(changes)
            if overflowed {
                self.tracker.forgetWriters()
                self.apply(try watch.scan())
            }
        } catch where self.configuration.mode == .auto && error.code == .watchFailed {
            try self.fallBackToPolling(because: error.description)
        }
    }

    /// Reads and drops every queued inotify event.
    mutating func discardQueuedEvents() throws(FileDropError) {
        guard case .inotify(let watch) = self.source else { return }
        _ = try watch.readChanges()
    }
}
