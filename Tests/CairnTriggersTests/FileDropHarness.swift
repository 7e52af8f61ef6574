// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTestSupport
import Foundation
import Glibc
import Synchronization
import Testing

@testable import CairnTriggers

/// A clock that moves only when a test says so.
final class FileDropManualClock: Sendable {
    private let time = Mutex<Duration>(.seconds(1000))

    var clock: FileDropClock {
        FileDropClock { self.time.withLock { $0 } }
    }

    func advance(by duration: Duration) {
        self.time.withLock { $0 += duration }
    }
}

/// A watched folder, a watcher on a manual clock, and a ledger that records
/// every offered file as the daemon would.
final class FileDropHarness {
    static let pollInterval = Duration.milliseconds(100)

    let folder: TemporaryDirectory
    let clock = FileDropManualClock()
    let ledger = FileDropMemoryLedger()
    let configuration: FileDropConfiguration
    private(set) var watcher: FileDropWatcher
    /// Every file offered so far, in order.
    private(set) var fired: [FileDropCandidate] = []

    init(
        mode: FileDropWatchMode,
        pattern: String = "*.csv",
        rules: Set<FileDropCompletionRule> = [.settle],
        isRecursive: Bool = false,
        isArchiving: Bool = false,
        prepare: (String) throws -> Void = { _ in }
    ) throws {
        self.folder = try TemporaryDirectory(prefix: "cairn-filedrop")
        try prepare(self.folder.url.path)
        self.configuration = try FileDropConfiguration(
            triggerID: "drops",
            directory: self.folder.url.path,
            pattern: GlobPattern(pattern),
            isRecursive: isRecursive,
            completionRules: rules,
            settlePeriod: .seconds(5),
            mode: mode,
            pollInterval: FileDropHarness.pollInterval,
            isArchiving: isArchiving
        )
        self.watcher = try FileDropWatcher(
            configuration: self.configuration,
            ledger: self.ledger,
            clock: self.clock.clock
        )
    }

    var mode: FileDropWatchMode { self.configuration.mode }

    func path(_ name: String) -> String {
        self.folder.path(name)
    }

    /// Takes in what happened: queued inotify events, or one poll interval's scan.
    @discardableResult
    func observe() throws -> [FileDropCandidate] {
        if self.watcher.activeMode == .poll {
            self.clock.advance(by: FileDropHarness.pollInterval)
        }
        return try self.record(self.watcher.step(waitingUpTo: .zero))
    }

    /// Moves the clock on and returns what became ready.
    @discardableResult
    func advance(by duration: Duration) throws -> [FileDropCandidate] {
        self.clock.advance(by: duration)
        return try self.record(self.watcher.step(waitingUpTo: .zero))
    }

    /// Replaces the watcher by a new one on the same folder and ledger, as a
    /// restarted daemon would.
    func restart() throws {
        self.watcher.stop()
        self.watcher = try FileDropWatcher(
            configuration: self.configuration,
            ledger: self.ledger,
            clock: self.clock.clock
        )
    }

    private func record(_ candidates: [FileDropCandidate]) -> [FileDropCandidate] {
        for candidate in candidates {
            let isNew = self.ledger.record(
                trigger: candidate.triggerID,
                fingerprint: candidate.fingerprint
            )
            #expect(isNew, "offered twice: \(candidate.relativePath)")
            self.fired.append(candidate)
        }
        return candidates
    }

    // MARK: - Writing files

    func write(_ name: String, _ text: String) throws {
        let path = self.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Opens a file for writing, as a slow writer keeps it.
    func openForWriting(_ name: String) throws -> FileHandle {
        let path = self.path(name)
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Sets a file's times to now, as `touch` does.
    func touch(_ name: String) {
        // No times given means both become the current time.
        #expect(utimensat(AT_FDCWD, self.path(name), nil, 0) == 0)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: self.path(name))
    }

    func rename(_ from: String, to: String) throws {
        #expect(Glibc.rename(self.path(from), self.path(to)) == 0)
    }
}
