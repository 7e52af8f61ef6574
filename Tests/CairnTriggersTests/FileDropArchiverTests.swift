// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTestSupport
import Foundation
import Testing

@testable import CairnTriggers

@Suite struct FileDropArchiverTests {
    private func candidate(
        _ folder: TemporaryDirectory,
        _ relativePath: String,
        marker: String? = nil
    ) -> FileDropCandidate {
        FileDropCandidate(
            triggerID: "drops",
            fingerprint: FileDropFingerprint(
                path: folder.path(relativePath),
                size: 1,
                modificationTime: 0,
                sha256: "00"
            ),
            relativePath: relativePath,
            completionRule: marker == nil ? .settle : .marker,
            markerPath: marker.map { folder.path($0) }
        )
    }

    private func write(_ folder: TemporaryDirectory, _ name: String, _ text: String) throws {
        let url = folder.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: url)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func claimThenFinishMovesThroughProcessingIntoDoneOrFailed() throws {
        let folder = try TemporaryDirectory(prefix: "cairn-archive")
        let archiver = FileDropArchiver(directory: folder.url.path)
        try self.write(folder, "ok.csv", "ok")
        try self.write(folder, "sub/bad.csv", "bad")

        let claimedOK = try archiver.claim(self.candidate(folder, "ok.csv"))
        let claimedBad = try archiver.claim(self.candidate(folder, "sub/bad.csv"))
        #expect(claimedOK == folder.path("processing/ok.csv"))
        #expect(claimedBad == folder.path("processing/sub/bad.csv"))
        #expect(try archiver.claimedFiles() == [claimedOK, claimedBad])
        #expect(!FileManager.default.fileExists(atPath: folder.path("ok.csv")))

        #expect(
            try archiver.finish(claimedPath: claimedOK, succeeded: true)
                == folder.path("done/ok.csv")
        )
        #expect(
            try archiver.finish(claimedPath: claimedBad, succeeded: false)
                == folder.path("failed/sub/bad.csv")
        )
        #expect(try self.read(folder.path("failed/sub/bad.csv")) == "bad")
        #expect(try archiver.claimedFiles().isEmpty)
    }

    @Test func collisionsGetANumberAndNothingIsOverwritten() throws {
        let folder = try TemporaryDirectory(prefix: "cairn-archive")
        let archiver = FileDropArchiver(directory: folder.url.path)
        for (index, text) in ["first", "second", "third"].enumerated() {
            try self.write(folder, "report.tar.gz", text)
            let claimed = try archiver.claim(self.candidate(folder, "report.tar.gz"))
            let finished = try archiver.finish(claimedPath: claimed, succeeded: true)
            let suffix = index == 0 ? "" : "-\(index)"
            #expect(finished == folder.path("done/report\(suffix).tar.gz"))
        }
        #expect(try self.read(folder.path("done/report.tar.gz")) == "first")
        #expect(try self.read(folder.path("done/report-1.tar.gz")) == "second")
        #expect(try self.read(folder.path("done/report-2.tar.gz")) == "third")
    }

    @Test func claimRemovesTheMarkerAndReleaseReturnsTheFile() throws {
        let folder = try TemporaryDirectory(prefix: "cairn-archive")
        let archiver = FileDropArchiver(directory: folder.url.path)
        try self.write(folder, "model.bin", "w")
        try self.write(folder, "model.bin.done", "")

        let claimed = try archiver.claim(
            self.candidate(folder, "model.bin", marker: "model.bin.done")
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path("model.bin.done")))
        #expect(try archiver.release(claimedPath: claimed) == folder.path("model.bin"))
        #expect(try self.read(folder.path("model.bin")) == "w")
    }

    @Test func claimingAVanishedFileFails() throws {
        let folder = try TemporaryDirectory(prefix: "cairn-archive")
        let archiver = FileDropArchiver(directory: folder.url.path)
        #expect(throws: FileDropError.self) {
            try archiver.claim(self.candidate(folder, "never-there.csv"))
        }
        #expect(throws: FileDropError.self) {
            try archiver.finish(claimedPath: folder.path("elsewhere.csv"), succeeded: true)
        }
    }

    @Test(arguments: [
        ("/d/a.csv", 1, "/d/a-1.csv"), ("/d/a.tar.gz", 2, "/d/a-2.tar.gz"),
        ("/d/.env", 1, "/d/.env-1"), ("/d/README", 3, "/d/README-3"),
        ("/d/a.csv", 0, "/d/a.csv"),
    ])
    func numberedNames(_ path: String, _ attempt: Int, _ expected: String) {
        #expect(FileDropArchiver.numbered(path, attempt) == expected)
    }

    @Test func archivedFilesDoNotFireAgain() throws {
        let harness = try FileDropHarness(mode: .inotify, isRecursive: true, isArchiving: true)
        try harness.write("in.csv", "x\n")
        try harness.observe()
        let ready = try harness.advance(by: .seconds(6))
        #expect(ready.count == 1)

        let archiver = FileDropArchiver(configuration: harness.configuration)
        let claimed = try archiver.claim(try #require(ready.first))
        try archiver.finish(claimedPath: claimed, succeeded: true)
        try harness.observe()
        #expect(try harness.advance(by: .seconds(60)).isEmpty)
        #expect(harness.watcher.pendingPaths.isEmpty)
    }
}
