// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCrypto
import CairnTestSupport
import Foundation
import Testing

@testable import CairnTriggers

/// The completion and once-per-content rules, in both inotify and polling mode.
@Suite struct FileDropWatcherTests {
    static let modes: [FileDropWatchMode] = [.inotify, .poll]

    @Test(arguments: modes)
    func slowWriterFiresOnlyOnceSettledAfterTheLastChunk(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        let writer = try harness.openForWriting("sales.csv")

        try writer.write(contentsOf: Data("id,amount\n".utf8))
        try harness.observe()
        #expect(try harness.advance(by: .seconds(3)).isEmpty)
        try writer.write(contentsOf: Data("1,10\n".utf8))
        try harness.observe()
        #expect(try harness.advance(by: .seconds(3)).isEmpty)
        try writer.write(contentsOf: Data("2,20\n".utf8))
        try writer.close()
        try harness.observe()
        #expect(try harness.advance(by: .seconds(4)).isEmpty)

        let ready = try harness.advance(by: .milliseconds(1500))
        #expect(ready.map(\.relativePath) == ["sales.csv"])
        #expect(ready.first?.fingerprint.size == 20)
        #expect(ready.first?.completionRule == .settle)
        #expect(
            ready.first?.fingerprint.sha256 == (try sha256Hex(ofFileAt: harness.path("sales.csv")))
        )
    }

    @Test(arguments: modes)
    func copiedFileFiresOnceItSettles(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        let source = harness.folder.url.deletingLastPathComponent()
            .appendingPathComponent("cairn-filedrop-source-\(UUID().uuidString).csv")
        try Data("a,b\n1,2\n".utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }

        try FileManager.default.copyItem(atPath: source.path, toPath: harness.path("copy.csv"))
        try harness.observe()
        #expect(try harness.advance(by: .seconds(4)).isEmpty)
        #expect(try harness.advance(by: .seconds(2)).map(\.relativePath) == ["copy.csv"])
        #expect(try harness.advance(by: .seconds(30)).isEmpty)
    }

    @Test(arguments: modes)
    func touchWithoutChangeDoesNotFireAgain(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        try harness.write("a.csv", "x\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(6)).count == 1)

        harness.touch("a.csv")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(6)).isEmpty)
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
        #expect(harness.ledger.count(trigger: "drops") == 1)
    }

    @Test(arguments: modes)
    func rewriteWithTheSameContentDoesNotFireAgain(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        try harness.write("a.csv", "same\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(6)).count == 1)

        try harness.write("a.csv", "same\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(6)).isEmpty)
        #expect(harness.fired.count == 1)
    }

    @Test(arguments: modes)
    func changedContentIsANewDrop(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        try harness.write("a.csv", "first\n")
        try harness.observe()
        try harness.advance(by: .seconds(6))

        try harness.write("a.csv", "second, longer\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(6)).count == 1)

        #expect(harness.fired.count == 2)
        #expect(harness.fired[0].fingerprint.sha256 != harness.fired[1].fingerprint.sha256)
        #expect(harness.fired[1].fingerprint.size == 15)
    }

    @Test(arguments: modes)
    func restartBetweenWriteAndFireFiresOnce(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        try harness.write("a.csv", "x\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(3)).isEmpty)

        try harness.restart()
        // Found at start, the file settles a full period after the restart.
        #expect(try harness.advance(by: .seconds(4)).isEmpty)
        #expect(try harness.advance(by: .seconds(2)).map(\.relativePath) == ["a.csv"])

        try harness.restart()
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
        #expect(harness.fired.count == 1)
    }

    @Test(arguments: modes)
    func filesWaitingAtStartArePickedUp(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode) { directory in
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: directory + "/old.csv"))
        }
        #expect(harness.watcher.pendingPaths == ["old.csv"])
        #expect(try harness.advance(by: .seconds(4)).isEmpty)
        #expect(try harness.advance(by: .seconds(2)).map(\.relativePath) == ["old.csv"])
    }

    @Test(arguments: modes)
    func hundredsOfFilesAtOnceEachFireOnce(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        let names = (0..<300).map { String(format: "batch-%03d.csv", $0) }
        for name in names {
            try harness.write(name, "row \(name)\n")
        }
        try harness.observe()
        #expect(harness.watcher.pendingPaths.count == 300)

        let ready = try harness.advance(by: .seconds(6))
        #expect(ready.map(\.relativePath) == names)
        #expect(Set(ready.map(\.fingerprint.sha256)).count == 300)
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
    }

    @Test(arguments: modes)
    func fileDeletedBeforeSettlingProducesNothing(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        try harness.write("gone.csv", "x\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(2)).isEmpty)

        try harness.remove("gone.csv")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
        #expect(harness.watcher.pendingPaths.isEmpty)
    }

    @Test(arguments: modes)
    func markerFileMakesItsDataFileReady(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode, rules: [.marker])
        try harness.write("model.csv", "weights\n")
        try harness.observe()
        #expect(try harness.advance(by: .seconds(60)).isEmpty)

        try harness.write("model.csv.done", "")
        let ready = try harness.observe()
        #expect(ready.map(\.relativePath) == ["model.csv"])
        #expect(ready.first?.completionRule == .marker)
        #expect(ready.first?.markerPath == harness.path("model.csv.done"))
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
    }

    @Test(arguments: modes)
    func hiddenTemporaryAndUnmatchedFilesAreIgnored(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode)
        for name in [".hidden.csv", "draft.csv~", "upload.csv.part", "spool.tmp", "notes.txt"] {
            try harness.write(name, "x\n")
        }
        try harness.observe()
        #expect(harness.watcher.pendingPaths.isEmpty)
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
    }

    @Test(arguments: modes)
    func recursiveWatchFindsFilesInNewSubdirectories(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode, isRecursive: true, isArchiving: true)
        try harness.write("2024/06/sales.csv", "x\n")
        try harness.write("top.csv", "y\n")
        try harness.write(".git/objects.csv", "hidden folder\n")
        try harness.write("done/old.csv", "archived\n")
        try harness.observe()

        let ready = try harness.advance(by: .seconds(6))
        #expect(ready.map(\.relativePath) == ["2024/06/sales.csv", "top.csv"])

        try harness.write("2024/07/more.csv", "z\n")
        try harness.write("2024/06/second.csv", "w\n")
        try harness.observe()
        let later = try harness.advance(by: .seconds(6))
        #expect(later.map(\.relativePath) == ["2024/06/second.csv", "2024/07/more.csv"])
    }

    @Test(arguments: modes)
    func renamedInFileFiresInRenameMode(mode: FileDropWatchMode) throws {
        let harness = try FileDropHarness(mode: mode, rules: [.rename])
        try harness.write("upload.csv.part", "payload\n")
        try harness.observe()
        try harness.rename("upload.csv.part", to: "upload.csv")

        let ready = try harness.observe()
        switch mode {
        case .poll:
            // A scan cannot see a rename, so the file has to settle.
            #expect(ready.isEmpty)
            #expect(try harness.advance(by: .seconds(6)).map(\.completionRule) == [.settle])
        default:
            #expect(ready.map(\.relativePath) == ["upload.csv"])
            #expect(ready.first?.completionRule == .rename)
        }
        #expect(harness.fired.count == 1)
    }
}
