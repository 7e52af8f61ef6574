// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import CairnTriggers

@Suite struct FileDropLedgerTests {
    private let original = FileDropFingerprint(
        path: "/in/a.csv",
        size: 4,
        modificationTime: 1_000,
        sha256: "aa"
    )

    @Test func aTouchIsTheSameDropAndNewContentIsNot() {
        var touched = self.original
        touched.modificationTime = 2_000
        var changed = self.original
        changed.sha256 = "bb"
        var moved = self.original
        moved.path = "/in/b.csv"

        #expect(touched.isSameDrop(as: self.original))
        #expect(touched.dropKey == self.original.dropKey)
        #expect(!changed.isSameDrop(as: self.original))
        #expect(!moved.isSameDrop(as: self.original))
    }

    @Test func memoryLedgerRecordsOncePerTrigger() {
        let ledger = FileDropMemoryLedger()
        #expect(!ledger.hasFired(trigger: "t", fingerprint: self.original))
        #expect(ledger.record(trigger: "t", fingerprint: self.original))

        var touched = self.original
        touched.modificationTime = 9
        #expect(ledger.hasFired(trigger: "t", fingerprint: touched))
        #expect(!ledger.record(trigger: "t", fingerprint: touched))
        #expect(!ledger.hasFired(trigger: "other", fingerprint: self.original))
        #expect(ledger.count(trigger: "t") == 1)
    }

    @Test func configurationRejectsSettingsThatCannotWork() throws {
        let pattern = try GlobPattern("*.csv")
        #expect(throws: FileDropError.self) {
            try FileDropConfiguration(triggerID: "t", directory: "relative", pattern: pattern)
        }
        #expect(throws: FileDropError.self) {
            try FileDropConfiguration(
                triggerID: "t",
                directory: "/in",
                pattern: pattern,
                completionRules: []
            )
        }
        #expect(throws: FileDropError.self) {
            try FileDropConfiguration(
                triggerID: "t",
                directory: "/in",
                pattern: pattern,
                settlePeriod: .zero
            )
        }
        let trimmed = try FileDropConfiguration(triggerID: "t", directory: "/in/", pattern: pattern)
        #expect(trimmed.directory == "/in")
    }
}
