// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import CairnTriggers

@Suite struct GlobPatternTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var path: String
        var matches: Bool
        var testDescription: String { "\(self.pattern) ~ \(self.path): \(self.matches)" }
    }

    static let cases: [Case] = [
        Case(pattern: "*.csv", path: "sales.csv", matches: true),
        Case(pattern: "*.csv", path: "sales.csv.gz", matches: false),
        Case(pattern: "*.csv", path: "2024/06/sales.csv", matches: true),
        Case(pattern: "*.csv", path: ".csv", matches: true),
        Case(pattern: "data-??.json", path: "data-01.json", matches: true),
        Case(pattern: "data-??.json", path: "data-1.json", matches: false),
        Case(pattern: "data-??.json", path: "data-001.json", matches: false),
        Case(pattern: "[abc]*", path: "beta.txt", matches: true),
        Case(pattern: "[abc]*", path: "delta.txt", matches: false),
        Case(pattern: "[!abc]*", path: "delta.txt", matches: true),
        Case(pattern: "[^abc]*", path: "alpha.txt", matches: false),
        Case(pattern: "run-[0-9][0-9].log", path: "run-42.log", matches: true),
        Case(pattern: "run-[0-9][0-9].log", path: "run-4x.log", matches: false),
        Case(pattern: "[]]x", path: "]x", matches: true),
        Case(pattern: "a\\*b", path: "a*b", matches: true),
        Case(pattern: "a\\*b", path: "axb", matches: false),
        Case(pattern: "**/*.csv", path: "top.csv", matches: true),
        Case(pattern: "**/*.csv", path: "a/b/c/deep.csv", matches: true),
        Case(pattern: "reports/**/*.csv", path: "reports/q1.csv", matches: true),
        Case(pattern: "reports/**/*.csv", path: "reports/2024/q1.csv", matches: true),
        Case(pattern: "reports/**/*.csv", path: "other/2024/q1.csv", matches: false),
        Case(pattern: "reports/*.csv", path: "reports/2024/q1.csv", matches: false),
        Case(pattern: "reports/**", path: "reports/2024/q1.csv", matches: true),
        Case(pattern: "*", path: "anything", matches: true),
        Case(pattern: "*a*b*c", path: "xxaxxbxxc", matches: true),
        Case(pattern: "*a*b*c", path: "xxaxxcxxb", matches: false),
        Case(pattern: "données-*.csv", path: "données-été.csv", matches: true),
    ]

    @Test(arguments: cases)
    func matchesLikeAShell(_ example: Case) throws {
        #expect(try GlobPattern(example.pattern).matches(example.path) == example.matches)
    }

    @Test(arguments: ["", "[abc", "trailing\\"])
    func malformedPatternsAreRejected(_ text: String) {
        #expect(throws: FileDropError.self) { try GlobPattern(text) }
    }

    @Test(arguments: [
        (".hidden", true), ("backup~", true), ("upload.part", true), ("spool.tmp", true),
        ("sales.csv", false), ("partial.csv", false), ("tmp.csv", false),
    ])
    func hiddenAndTemporaryNames(_ name: String, _ isIgnored: Bool) {
        #expect(GlobPattern.isHiddenOrTemporary(name) == isIgnored)
    }
}
