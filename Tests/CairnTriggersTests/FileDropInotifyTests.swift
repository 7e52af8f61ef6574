// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTestSupport
import Foundation
import Glibc
import Testing

@testable import CairnTriggers

/// What only inotify can tell: open writers, renames, lost events.
@Suite struct FileDropInotifyTests {
    @Test func writerThatKeepsTheFileOpenDoesNotSettle() throws {
        let harness = try FileDropHarness(mode: .inotify)
        let writer = try harness.openForWriting("big.csv")
        try writer.write(contentsOf: Data("part one\n".utf8))
        try harness.observe()
        #expect(try harness.advance(by: .seconds(120)).isEmpty)

        try writer.write(contentsOf: Data("part two\n".utf8))
        try writer.close()
        try harness.observe()
        #expect(try harness.advance(by: .seconds(4)).isEmpty)
        #expect(try harness.advance(by: .seconds(2)).map(\.fingerprint.size) == [18])
    }

    @Test func fileWrittenInPlaceNeverFiresInRenameOnlyMode() throws {
        let harness = try FileDropHarness(mode: .inotify, rules: [.rename])
        try harness.write("in-place.csv", "x\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(600)).isEmpty)
    }

    @Test func fileMovedInFromAnotherFolderFiresAtOnce() throws {
        let harness = try FileDropHarness(mode: .inotify, rules: [.rename, .settle])
        let outside = harness.folder.url.deletingLastPathComponent()
            .appendingPathComponent("cairn-filedrop-staging-\(UUID().uuidString).csv").path
        try Data("staged\n".utf8).write(to: URL(fileURLWithPath: outside))
        #expect(Glibc.rename(outside, harness.path("staged.csv")) == 0)

        let ready = try harness.observe()
        #expect(ready.map(\.completionRule) == [.rename])
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
    }

    @Test func queueOverflowIsFollowedByARescan() throws {
        let harness = try FileDropHarness(mode: .inotify)
        let limitText = try String(
            contentsOfFile: "/proc/sys/fs/inotify/max_queued_events",
            encoding: .utf8
        )
        let limit = try #require(Int(limitText.trimmingCharacters(in: .whitespacesAndNewlines)))
        try #require(limit <= 1_000_000, "the queue limit is too large to overflow quickly")

        // Alternate two ignored files so that no two neighbouring events merge.
        try harness.write(".noise-a", "")
        try harness.write(".noise-b", "")
        for _ in 0...(limit / 2 + 100) {
            harness.touch(".noise-a")
            harness.touch(".noise-b")
        }
        // The queue is full: this file's events are lost.
        try harness.write("late.csv", "after the flood\n")

        try harness.observe()
        #expect(harness.watcher.pendingPaths == ["late.csv"])
        #expect(try harness.advance(by: .seconds(6)).map(\.relativePath) == ["late.csv"])
    }

    @Test func autoModeUsesInotifyOnALocalFileSystem() throws {
        let harness = try FileDropHarness(mode: .auto)
        #expect(harness.watcher.activeMode == .inotify)
        #expect(harness.watcher.fallbackReason == nil)
    }

    @Test func statfsReadsTheFileSystemType() {
        let procMagic = 0x9FA0
        #expect(InotifySupport.fileSystemType(at: "/proc") == procMagic)
        #expect(InotifySupport.unreliableFileSystem(at: "/proc") == nil)
        #expect(InotifySupport.unreliableFileSystems[0x6969] == "nfs")
    }

    @Test func watchingAMissingDirectoryFails() throws {
        let configuration = try FileDropConfiguration(
            triggerID: "missing",
            directory: "/nonexistent/cairn-filedrop",
            pattern: GlobPattern("*"),
            mode: .inotify
        )
        #expect(throws: FileDropError.self) {
            _ = try FileDropWatcher(configuration: configuration, ledger: FileDropMemoryLedger())
        }
    }

    @Test func candidatesStreamDeliversOnItsOwnThread() async throws {
        let folder = try FileDropHarness(mode: .inotify, rules: [.rename]).folder
        let configuration = try FileDropConfiguration(
            triggerID: "stream",
            directory: folder.url.path,
            pattern: GlobPattern("*.json"),
            completionRules: [.rename],
            mode: .inotify
        )
        let watcher = try FileDropWatcher(
            configuration: configuration,
            ledger: FileDropMemoryLedger()
        )
        let stream = watcher.candidates()
        try Data("{}".utf8).write(to: folder.url.appendingPathComponent("event.json.part"))
        #expect(
            Glibc.rename(folder.path("event.json.part"), folder.path("event.json")) == 0
        )

        let first = try await withThrowingTaskGroup(of: FileDropCandidate?.self) { group in
            group.addTask {
                for try await candidate in stream { return candidate }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(first?.relativePath == "event.json")
        watcher.stop()
    }
}
