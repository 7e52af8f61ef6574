// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCrypto

/// Decides when dropped files are complete: it takes the changes that
/// inotify or a scan reports, and at each check returns the files that a
/// completion rule makes ready, hashed and not yet fired.
///
/// It is a plain value driven by its owner's thread and clock, so its rules
/// can be tested without waiting.
struct FileDropTracker {
    /// A file that may become ready.
    private struct Entry {
        /// The status when last looked at.
        var status: FileDropFileStatus
        /// When the file last changed, by the watcher's clock.
        var lastChange: Duration
        /// Written since the last `IN_CLOSE_WRITE`: a writer still has it open.
        var isWriterOpen = false
        /// Moved in, and unchanged since.
        var isMovedIn = false
        /// Found by a scan, so how it arrived is unknown.
        var wasFoundByScan = false
    }

    /// The state in which a file last fired (or was found already fired).
    private struct Fired {
        var status: FileDropFileStatus
        var sha256: String
    }

    let configuration: FileDropConfiguration
    let ledger: any FileDropLedger
    private var entries: [String: Entry] = [:]
    private var fired: [String: Fired] = [:]

    init(configuration: FileDropConfiguration, ledger: any FileDropLedger) {
        self.configuration = configuration
        self.ledger = ledger
    }

    /// The files being watched until they complete, relative and sorted.
    var pendingPaths: [String] {
        self.entries.keys.sorted()
    }

    // MARK: - Changes

    /// Takes note of a change at time `now`.
    mutating func apply(_ change: FileDropChange, at now: Duration) {
        switch change {
        case .removed(let path):
            self.entries[path] = nil
            self.fired[path] = nil
        case .removedDirectory(let directory):
            let prefix = directory + "/"
            self.entries = self.entries.filter { !$0.key.hasPrefix(prefix) }
            self.fired = self.fired.filter { !$0.key.hasPrefix(prefix) }
        case .written(let path), .closed(let path), .movedIn(let path), .touched(let path),
            .seen(let path):
            if let dataPath = self.configuration.markedFile(of: path) {
                self.noteMarker(of: dataPath, at: now)
            } else if self.configuration.acceptsFile(path) {
                self.update(path, with: change, at: now)
            }
        }
    }

    /// Forgets which files had a writer, after events were lost: no
    /// `IN_CLOSE_WRITE` may come for them, so they are treated as scanned.
    mutating func forgetWriters() {
        for path in self.entries.keys {
            self.entries[path]?.isWriterOpen = false
            self.entries[path]?.wasFoundByScan = true
        }
    }

    private mutating func update(_ path: String, with change: FileDropChange, at now: Duration) {
        let absolute = self.configuration.absolutePath(path)
        guard let status = FileDropFileStatus.read(absolute), status.kind == .regularFile else {
            self.entries[path] = nil
            return
        }
        let previous = self.entries[path]
        var entry = previous ?? Entry(status: status, lastChange: now)
        switch change {
        case .written:
            entry.isWriterOpen = true
            entry.isMovedIn = false
            entry.wasFoundByScan = false
            entry.lastChange = now
        case .closed:
            entry.isWriterOpen = false
            entry.wasFoundByScan = false
            entry.lastChange = now
        case .movedIn:
            entry.isWriterOpen = false
            entry.isMovedIn = true
            entry.lastChange = now
        case .touched:
            entry.lastChange = now
        case .seen:
            if previous == nil { entry.wasFoundByScan = true }
            if previous?.status.differs(from: status) == true { entry.lastChange = now }
        case .removed, .removedDirectory:
            return
        }
        entry.status = status
        self.entries[path] = entry
    }

    /// A marker appeared: its data file, when there, is checked at once.
    private mutating func noteMarker(of dataPath: String, at now: Duration) {
        guard self.entries[dataPath] == nil, self.configuration.acceptsFile(dataPath) else {
            return
        }
        let absolute = self.configuration.absolutePath(dataPath)
        guard let status = FileDropFileStatus.read(absolute), status.kind == .regularFile else {
            return
        }
        self.entries[dataPath] = Entry(status: status, lastChange: now)
    }

    // MARK: - Readiness

    /// When the next file may settle, if any file is waiting to.
    var nextDeadline: Duration? {
        self.entries.values
            .filter { self.canSettle($0) && !$0.isWriterOpen }
            .map { $0.lastChange + self.configuration.settlePeriod }
            .min()
    }

    /// Whether the settle rule applies to a file; a rename-only trigger still
    /// lets scanned files settle, since a scan cannot see a rename.
    private func canSettle(_ entry: Entry) -> Bool {
        let rules = self.configuration.completionRules
        return rules.contains(.settle) || (rules.contains(.rename) && entry.wasFoundByScan)
    }

    /// The rule that makes a file ready at `now`, if one does.
    private func readyRule(
        _ path: String,
        _ entry: Entry,
        at now: Duration
    ) -> FileDropCompletionRule? {
        let rules = self.configuration.completionRules
        if rules.contains(.marker),
            FileDropFileStatus.read(self.markerPath(of: path)) != nil
        {
            return .marker
        }
        if rules.contains(.rename) && entry.isMovedIn {
            return .rename
        }
        let isSettled =
            !entry.isWriterOpen && now - entry.lastChange >= self.configuration.settlePeriod
        return self.canSettle(entry) && isSettled ? .settle : nil
    }

    private func markerPath(of path: String) -> String {
        self.configuration.absolutePath(path + self.configuration.markerSuffix)
    }

    /// The files that are ready at `now` and that neither this tracker nor the
    /// ledger has fired for; each is returned once.
    ///
    /// - Throws: What the ledger throws; the file stays pending then.
    mutating func collectReady(at now: Duration) throws -> [FileDropCandidate] {
        var ready: [FileDropCandidate] = []
        for path in self.entries.keys.sorted() {
            if let candidate = try self.check(path, at: now) {
                ready.append(candidate)
            }
        }
        return ready
    }

    /// Looks at one pending file; returns it when it fires now.
    private mutating func check(_ path: String, at now: Duration) throws -> FileDropCandidate? {
        guard var entry = self.entries[path] else { return nil }
        let absolute = self.configuration.absolutePath(path)

        // A file deleted before it completed produces nothing.
        guard let status = FileDropFileStatus.read(absolute), status.kind == .regularFile else {
            self.entries[path] = nil
            return nil
        }
        if status.differs(from: entry.status) {
            entry = Entry(
                status: status,
                lastChange: now,
                isWriterOpen: entry.isWriterOpen,
                wasFoundByScan: entry.wasFoundByScan
            )
        }
        if let done = self.fired[path], !done.status.differs(from: status) {
            self.entries[path] = nil
            return nil
        }
        guard let rule = self.readyRule(path, entry, at: now) else {
            self.entries[path] = entry
            return nil
        }

        // Hash, then look again: a file that changed meanwhile is not complete.
        guard let sha256 = try? sha256Hex(ofFileAt: absolute),
            let after = FileDropFileStatus.read(absolute),
            !after.differs(from: status)
        else {
            entry.lastChange = now
            entry.isMovedIn = false
            self.entries[path] = entry
            return nil
        }
        return try self.fire(path, entry: entry, sha256: sha256, rule: rule)
    }

    private mutating func fire(
        _ path: String,
        entry: Entry,
        sha256: String,
        rule: FileDropCompletionRule
    ) throws -> FileDropCandidate? {
        let fingerprint = FileDropFingerprint(
            path: self.configuration.absolutePath(path),
            size: entry.status.size,
            modificationTime: entry.status.modificationTime,
            sha256: sha256
        )
        let isKnown =
            try self.fired[path]?.sha256 == sha256
            || self.ledger.hasFired(trigger: self.configuration.triggerID, fingerprint: fingerprint)
        self.entries[path] = nil
        self.fired[path] = Fired(status: entry.status, sha256: sha256)
        guard !isKnown else { return nil }
        return FileDropCandidate(
            triggerID: self.configuration.triggerID,
            fingerprint: fingerprint,
            relativePath: path,
            completionRule: rule,
            markerPath: rule == .marker ? self.markerPath(of: path) : nil
        )
    }
}
