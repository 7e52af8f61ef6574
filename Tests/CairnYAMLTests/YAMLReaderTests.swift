// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Testing

@testable import CairnYAML

/// Whole documents: structure, source positions, anchors and merge keys.
@Suite struct YAMLReaderTests {
    private func location(_ line: Int, _ column: Int) -> CairnCore.SourceLocation {
        CairnCore.SourceLocation(file: "flow.yaml", line: line, column: column)
    }

    private func readError(_ text: String) throws -> CairnYAMLError {
        try #require(throws: CairnYAMLError.self) {
            try YAMLReader.read(text, file: "flow.yaml")
        }
    }

    // MARK: - Structure and positions

    @Test func readsNestedMappingsAndSequencesInWrittenOrder() throws {
        let text = """
            StartAt: Train
            States:
              Train:
                Type: Task
                Retry:
                  - ErrorEquals: [States.ALL]
                    MaxAttempts: 3
                End: true
            """
        let (value, _) = try YAMLReader.read(text, file: "flow.yaml")
        let expected: JSONValue = [
            "StartAt": "Train",
            "States": [
                "Train": [
                    "Type": "Task",
                    "Retry": [["ErrorEquals": ["States.ALL"], "MaxAttempts": 3]],
                    "End": true,
                ]
            ],
        ]
        #expect(value == expected)
        #expect(value["States"]?["Train"]?.objectValue?.keys == ["Type", "Retry", "End"])
    }

    @Test func recordsTheLineAndColumnOfEveryValueAndKey() throws {
        let text = """
            StartAt: Train
            States:
              Train:
                Type: Task
                Retry:
                  - ErrorEquals: [States.ALL, "States.Timeout"]
                    MaxAttempts: 3
                Next:
            """
        let (_, map) = try YAMLReader.read(text, file: "flow.yaml")
        let train: [JSONPathComponent] = [.key("States"), .key("Train")]
        let retry = train + [.key("Retry"), .index(0)]
        #expect(map.valueLocation(of: []) == location(1, 1))
        #expect(map.keyLocation(of: [.key("StartAt")]) == location(1, 1))
        #expect(map.valueLocation(of: [.key("StartAt")]) == location(1, 10))
        #expect(map.valueLocation(of: [.key("States")]) == location(3, 3))
        #expect(map.keyLocation(of: train) == location(3, 3))
        #expect(map.valueLocation(of: train) == location(4, 5))
        #expect(map.valueLocation(of: train + [.key("Type")]) == location(4, 11))
        #expect(map.valueLocation(of: train + [.key("Retry")]) == location(6, 7))
        #expect(map.valueLocation(of: retry) == location(6, 9))
        #expect(map.keyLocation(of: retry + [.key("ErrorEquals")]) == location(6, 9))
        #expect(map.valueLocation(of: retry + [.key("ErrorEquals"), .index(1)]) == location(6, 35))
        #expect(map.keyLocation(of: retry + [.key("MaxAttempts")]) == location(7, 9))
        #expect(map.valueLocation(of: retry + [.key("MaxAttempts")]) == location(7, 22))
        #expect(map.keyLocation(of: train + [.key("Next")]) == location(8, 5))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let text = """
            Grüße: "😀 ünïcödé"
            名前: [ä, ö]
            """
        let (value, map) = try YAMLReader.read(text, file: "flow.yaml")
        #expect(value == ["Grüße": "😀 ünïcödé", "名前": ["ä", "ö"]])
        #expect(map.valueLocation(of: [.key("Grüße")]) == location(1, 8))
        #expect(map.valueLocation(of: [.key("名前"), .index(1)]) == location(2, 9))
    }

    @Test func errorColumnsCountCharactersNotBytes() throws {
        let error = try readError("Grüße: ok\n名前: !Ref Bucket\n")
        #expect(
            error.description == "flow.yaml:2:5: unknown tag '!Ref'; Cairn understands only "
                + "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq"
        )
    }

    @Test func readsJSONAsYAML() throws {
        let (value, map) = try YAMLReader.read(#"{"a": [1, 2.5, null], "b": "x"}"#, file: "f")
        #expect(value == ["a": [1, 2.5, nil], "b": "x"])
        #expect(map.valueLocation(of: [.key("b")]).column == 28)
    }

    @Test func keysAreTheirWrittenText() throws {
        let (value, _) = try YAMLReader.read("1: a\ntrue: b\n~: c\n'x y': d\n", file: "f")
        #expect(value.objectValue?.keys == ["1", "true", "~", "x y"])
    }

    @Test func aDocumentMarkerAloneIsNull() throws {
        #expect(try YAMLReader.read("---\n", file: "f").value == .null)
    }

    // MARK: - Anchors, aliases and merge keys

    @Test func aliasesExpandToTheAnchoredValue() throws {
        let text = """
            retry: &retry
              - ErrorEquals: [States.ALL]
                MaxAttempts: 2
            A: {Retry: *retry}
            B: {Retry: *retry}
            """
        let (value, map) = try YAMLReader.read(text, file: "flow.yaml")
        #expect(value["A"]?["Retry"] == value["retry"])
        #expect(value["B"]?["Retry"]?[0]?["MaxAttempts"] == 2)
        // The alias is where the value sits; inside it, the anchor's text is.
        #expect(map.valueLocation(of: [.key("B"), .key("Retry")]) == location(5, 12))
        let inner: [JSONPathComponent] = [.key("B"), .key("Retry"), .index(0), .key("MaxAttempts")]
        #expect(map.valueLocation(of: inner) == location(3, 18))
    }

    @Test func anAliasBeforeItsAnchorIsAnError() throws {
        let error = try readError("a: *later\nb: &later 1\n")
        #expect(error.code == .undefinedAlias)
        #expect(
            error.description == "flow.yaml:1:4: alias '*later' names no anchor defined before it"
        )
    }

    @Test func anAliasInsideItsOwnAnchorIsAnError() throws {
        let error = try readError("a: &self [1, *self]\n")
        #expect(error.code == .undefinedAlias)
        #expect(error.location == location(1, 14))
    }

    @Test func aliasBombsStopAtTheValueBudget() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let error = try #require(throws: CairnYAMLError.self) {
            let limits = YAMLLimits(maximumValues: 50_000, maximumDepth: 512)
            return try YAMLReader.read(
                lines.joined(separator: "\n"),
                file: "bomb.yaml",
                limits: limits
            )
        }
        #expect(error.code == .aliasExpansionLimit)
        #expect(
            error.description == "bomb.yaml:5:20: aliases expand to more than 50000 values; "
                + "Cairn stops here to guard against alias bombs"
        )
    }

    @Test func mergeKeysBringInMembersAndExplicitKeysWin() throws {
        let text = """
            defaults: &defaults
              Type: Task
              Resource: cairn:exec
              TimeoutSeconds: 60
            Train:
              <<: *defaults
              TimeoutSeconds: 7200
            """
        let (value, map) = try YAMLReader.read(text, file: "flow.yaml")
        let expected: JSONValue = [
            "Type": "Task", "Resource": "cairn:exec", "TimeoutSeconds": 7200,
        ]
        #expect(value["Train"] == expected)
        #expect(value["Train"]?.objectValue?.keys == ["Type", "Resource", "TimeoutSeconds"])
        #expect(map.keyLocation(of: [.key("Train"), .key("Resource")]) == location(3, 3))
        #expect(map.valueLocation(of: [.key("Train"), .key("TimeoutSeconds")]) == location(7, 19))
    }

    @Test func mergeKeysTakeAListWhereEarlierMappingsWin() throws {
        let text = """
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              w: 0
              <<: [*a, *b, {z: 3, v: 3}]
            """
        let (value, _) = try YAMLReader.read(text, file: "flow.yaml")
        #expect(value["c"] == ["w": 0, "x": 1, "y": 1, "z": 2, "v": 3])
        #expect(value["c"]?.objectValue?.keys == ["w", "x", "y", "z", "v"])
    }

    @Test func mergedMappingsApplyTheirOwnMergeKeys() throws {
        let text = """
            base: &base {a: 1}
            middle: &middle {<<: *base, b: 2}
            top: {<<: *middle, c: 3}
            """
        let (value, _) = try YAMLReader.read(text, file: "flow.yaml")
        #expect(value["top"] == ["a": 1, "b": 2, "c": 3])
    }

    @Test func mergeBombsStopAtTheValueBudget() throws {
        var lines = ["m0: &m0 {a: 1, b: 2}"]
        for level in 1...40 {
            lines.append("m\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)]}")
        }
        let error = try #require(throws: CairnYAMLError.self) {
            let limits = YAMLLimits(maximumValues: 10_000, maximumDepth: 512)
            return try YAMLReader.read(
                lines.joined(separator: "\n"),
                file: "flow.yaml",
                limits: limits
            )
        }
        #expect(error.code == .aliasExpansionLimit)
    }

    @Test func twoMergeKeysInOneMappingAreDuplicates() throws {
        let error = try readError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")
        #expect(error.description == "flow.yaml:4:3: duplicate key '<<'; it is first set on line 3")
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() throws {
        let (value, _) = try YAMLReader.read("'<<': {a: 1}\n<<: {b: 2}\n", file: "flow.yaml")
        #expect(value == ["<<": ["a": 1], "b": 2])
    }

    @Test(arguments: [
        ("a: {<<: 1}", 1, 9, "scalar"),
        ("a: {<<: [{x: 1}, [2]]}", 1, 18, "sequence"),
    ])
    func mergeKeysTakeOnlyMappings(
        _ text: String,
        _ line: Int,
        _ column: Int,
        _ kind: String
    ) throws {
        let error = try readError(text)
        #expect(error.code == .invalidMerge)
        #expect(error.location == location(line, column))
        #expect(
            error.message
                == "the merge key '<<' takes a mapping or a list of mappings, not a \(kind)"
        )
    }

    // MARK: - Keys

    @Test func duplicateKeysNameTheKeyAndTheFirstLine() throws {
        let text = """
            States:
              Train:
                Type: Task
                Next: Evaluate
                Type: Pass
            """
        let error = try readError(text)
        #expect(error.code == .duplicateKey)
        #expect(
            error.description == "flow.yaml:5:5: duplicate key 'Type'; it is first set on line 3"
        )
    }

    @Test func duplicateKeysAreFoundInFlowMappingsAndAcrossSpellings() throws {
        let error = try readError("{a: 1, \"a\": 2}")
        #expect(error.description == "flow.yaml:1:8: duplicate key 'a'; it is first set on line 1")
    }

    @Test(arguments: [
        ("? [a, b]\n: 1\n", 1, 3, "sequence"),
        ("{? {a: 1} : 2}", 1, 4, "mapping"),
    ])
    func complexKeysAreErrors(_ text: String, _ line: Int, _ column: Int, _ kind: String) throws {
        let error = try readError(text)
        #expect(error.code == .complexKey)
        #expect(error.location == location(line, column))
        #expect(
            error.message
                == "a mapping key must be a scalar, not a \(kind); JSON member names are text"
        )
    }

    // MARK: - Documents

    @Test(arguments: ["", "\n\n  \n"])
    func anEmptyFileIsAnError(_ text: String) throws {
        let error = try readError(text)
        #expect(error.code == .emptyFile)
        #expect(error.description == "flow.yaml:1:1: the file is empty")
    }

    @Test func aFileOfOnlyCommentsIsAnError() throws {
        let error = try readError("# nothing yet\n")
        #expect(error.description == "flow.yaml:1:1: the file is empty: it holds only comments")
    }

    @Test func moreThanOneDocumentIsAnError() throws {
        let error = try readError("a: 1\n---\nb: 2\n")
        #expect(error.code == .multipleDocuments)
        #expect(
            error.description
                == "flow.yaml:2:1: the file holds more than one YAML document; "
                + "Cairn reads one per file"
        )
    }

    // MARK: - Syntax errors from libyaml

    @Test func tabsInIndentationAreErrorsWithTheirPlace() throws {
        let error = try readError("States:\n\tTrain: 1\n")
        #expect(error.code == .invalidSyntax)
        #expect(error.location == location(2, 1))
        #expect(
            error.message == "found character that cannot start any token while scanning for "
                + "the next token; YAML indentation must use spaces, not tabs"
        )
        #expect(error.cause?.errorName == "YAML_SCANNER_ERROR")
        #expect(error.cause?.problem == "found character that cannot start any token")
        #expect(error.cause?.context == "while scanning for the next token")
    }

    @Test func badIndentationIsAnErrorWithItsPlace() throws {
        let text = """
            States:
              Train:
                Type: Task
               Next: End
            """
        let error = try readError(text)
        #expect(error.code == .invalidSyntax)
        #expect(
            error.description == "flow.yaml:4:4: did not find expected key while parsing a "
                + "block mapping that starts on line 2"
        )
        #expect(error.cause?.errorName == "YAML_PARSER_ERROR")
        #expect(error.cause?.contextLocation == location(2, 3))
    }

    @Test func anUnclosedFlowSequenceIsAnError() throws {
        let error = try readError("a: [1, 2\nb: 3\n")
        #expect(error.code == .invalidSyntax)
        #expect(error.cause?.problemLocation == error.location)
    }

    @Test func controlCharactersAreReaderErrors() throws {
        let error = try readError("a: b\nc: \u{07}\n")
        #expect(error.code == .invalidEncoding)
        #expect(error.description == "flow.yaml:2:4: control characters are not allowed")
        #expect(error.cause?.errorName == "YAML_READER_ERROR")
    }

    @Test func deepNestingIsAnError() throws {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = try readError(text)
        #expect(error.code == .nestingLimit)
        #expect(error.description == "flow.yaml:1:513: values are nested more than 512 levels deep")
    }

    @Test func deepNestingThroughAliasesIsAnError() throws {
        var lines = ["a0: &a0 [x]"]
        for level in 1...30 { lines.append("a\(level): &a\(level) [*a\(level - 1)]") }
        let limits = YAMLLimits(maximumValues: 1_000, maximumDepth: 20)
        let error = try #require(throws: CairnYAMLError.self) {
            try YAMLReader.read(lines.joined(separator: "\n"), file: "flow.yaml", limits: limits)
        }
        #expect(error.code == .nestingLimit)
        #expect(error.description == "flow.yaml:20:12: values are nested more than 20 levels deep")
    }
}
