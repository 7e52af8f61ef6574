// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Foundation
import Testing

/// Reading YAML and JSON files into documents, and printing what is wrong
/// with them the way compilers do.
@Suite struct DocumentReaderTests {
    private func fixture(_ name: String) throws -> String {
        try #require(
            Bundle.module.path(forResource: name, ofType: nil, inDirectory: "Fixtures/yaml")
        )
    }

    private func readError(path: String) throws -> CairnDefinitionError {
        try #require(throws: CairnDefinitionError.self) { try DocumentReader.read(path: path) }
    }

    private func parseError(_ text: String, file: String) throws -> CairnDefinitionError {
        try #require(throws: CairnDefinitionError.self) {
            try DocumentReader.parse(text: text, file: file)
        }
    }

    // MARK: - Reading files

    @Test func readsAYAMLFileWithMergeKeysAndPositions() throws {
        let path = try fixture("workflow.yaml")
        let document = try DocumentReader.read(path: path)
        let train: [JSONPathComponent] = [.key("definition"), .key("States"), .key("Train")]
        #expect(document.file == path)
        #expect(document.format == .yaml)
        #expect(document.value["name"] == "model-training-pipeline")
        #expect(
            document.value["definition"]?["States"]?["Train"]
                == [
                    "Type": "Task",
                    "Resource": "cairn:exec",
                    "Parameters": ["Command": ["python3", "train.py"]],
                    "Next": "Done",
                ]
        )
        let resource = document.sourceMap.valueLocation(of: train + [.key("Resource")])
        #expect(resource == CairnCore.SourceLocation(file: path, line: 9, column: 19))
        let next = document.sourceMap.keyLocation(of: train + [.key("Next")])
        #expect(next == CairnCore.SourceLocation(file: path, line: 12, column: 7))
        #expect(document.text.hasPrefix("# A wrapper-form workflow"))
    }

    @Test func readsAJSONFileWithPositions() throws {
        let path = try fixture("workflow.json")
        let document = try DocumentReader.read(path: path)
        #expect(document.format == .json)
        #expect(document.value["States"]?["Train"]?["End"] == true)
        let type = document.sourceMap.valueLocation(of: [
            .key("States"), .key("Train"), .key("Type"),
        ])
        #expect(type == CairnCore.SourceLocation(file: path, line: 4, column: 23))
    }

    @Test func dropsAByteOrderMarkSoColumnsMatchTheText() throws {
        let path = try fixture("bom.json")
        let document = try DocumentReader.read(path: path)
        #expect(document.text.hasPrefix("{"))
        let startAt = document.sourceMap.valueLocation(of: [.key("StartAt")])
        #expect(startAt == CairnCore.SourceLocation(file: path, line: 1, column: 13))
    }

    @Test(arguments: [
        ("duplicate-key.yaml", 6, 5, "duplicate key 'Type'; it is first set on line 4"),
        (
            "two-documents.yaml", 2, 1,
            "the file holds more than one YAML document; Cairn reads one per file"
        ),
        ("bad-syntax.json", 3, 14, "expected a member name in quotes"),
        (
            "tab-indent.yml", 3, 1,
            "found character that cannot start any token while scanning for the next token; "
                + "YAML indentation must use spaces, not tabs"
        ),
    ])
    func malformedFilesAreSyntaxErrorsWithTheirPlace(
        _ name: String,
        _ line: Int,
        _ column: Int,
        _ message: String
    ) throws {
        let path = try fixture(name)
        let error = try readError(path: path)
        #expect(error.code == .syntax)
        #expect(error.location == CairnCore.SourceLocation(file: path, line: line, column: column))
        #expect(error.message == message)
    }

    @Test func aFileThatIsNotUTF8IsUnreadableAtItsFirstBadByte() throws {
        let path = try fixture("latin1.yaml")
        let error = try readError(path: path)
        #expect(error.code == .unreadableFile)
        #expect(error.location == CairnCore.SourceLocation(file: path, line: 2, column: 13))
        #expect(
            error.message
                == "the file is not UTF-8 text: byte 0xE9 cannot be decoded; save the file as UTF-8"
        )
    }

    @Test func aMissingFileIsUnreadable() throws {
        let path = try fixture("workflow.yaml") + ".missing"
        let error = try readError(path: path)
        #expect(error.code == .unreadableFile)
        #expect(error.location == nil)
        #expect(error.message == "cannot read '\(path)': no such file")
    }

    @Test func aDirectoryIsUnreadable() throws {
        let file = URL(fileURLWithPath: try fixture("workflow.yaml"))
        let path = file.deletingLastPathComponent().path
        let error = try readError(path: path)
        #expect(error.code == .unreadableFile)
        #expect(error.message == "cannot read '\(path)': it is a directory")
    }

    // MARK: - Choosing the format

    @Test(arguments: [
        ("flow.json", Document.Format.json), ("FLOW.JSON", .json), ("flow.yaml", .yaml),
        ("flow.yml", .yaml), ("flow", .yaml), ("flow.json.yaml", .yaml),
    ])
    func theFormatFollowsTheFileName(_ file: String, _ format: Document.Format) {
        #expect(Document.Format(file: file) == format)
    }

    @Test func jsonFilesAreReadByTheStricterJSONParser() throws {
        // Valid YAML, but a JSON file may not have a trailing comma.
        let error = try parseError(#"{"a": 1,}"#, file: "flow.json")
        #expect(error.description == "flow.json:1:9: expected a member name in quotes")
        #expect(try DocumentReader.parse(text: "a: on\n", file: "flow").value == ["a": "on"])
    }

    @Test func anEmptyYAMLFileIsASyntaxError() throws {
        let error = try parseError("", file: "flow.yaml")
        #expect(error.code == .syntax)
        #expect(error.description == "flow.yaml:1:1: the file is empty")
    }

    // MARK: - Rendering diagnostics

    @Test func rendersTheSourceLineAndACaretUnderTheColumn() throws {
        let text = """
            StartAt: Train
            States:
              Train:
                Type: Task
                Resource: cairn:exec
                Type: Pass

            """
        let error = try parseError(text, file: "flow.yaml")
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.yaml:6:5: error: duplicate key 'Type'; it is first set on line 4
                    Type: Pass
                    ^
                """
        )
    }

    @Test func rendersJSONErrorsInTheMiddleOfALine() throws {
        let text = "{\n  \"StartAt\": \"Train\",\n  \"States\": {,}\n}\n"
        let error = try parseError(text, file: "flow.json")
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.json:3:14: error: expected a member name in quotes
                  "States": {,}
                             ^
                """
        )
    }

    @Test func copiesTabsIntoTheCaretLineSoTheCaretStaysAligned() throws {
        let text = "StartAt:\t!Ref Train\n"
        let error = try parseError(text, file: "flow.yaml")
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.yaml:1:10: error: unknown tag '!Ref'; Cairn understands only !!str, !!int, \
                !!float, !!bool, !!null, !!map and !!seq
                StartAt:\t!Ref Train
                        \t^
                """
        )
    }

    @Test func givesWideCharactersTwoCellsAndCountsColumnsInCharacters() throws {
        let text = "名前: !!int 七\n"
        let error = try parseError(text, file: "flow.yaml")
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.yaml:1:5: error: '七' is not an integer (tag !!int)
                名前: !!int 七
                      ^
                """
        )
    }

    @Test func rendersTabIndentationErrors() throws {
        let text = "StartAt: Train\nStates:\n\tTrain:\n"
        let error = try parseError(text, file: "flow.yml")
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.yml:3:1: error: found character that cannot start any token while scanning \
                for the next token; YAML indentation must use spaces, not tabs
                \tTrain:
                ^
                """
        )
    }

    @Test func rendersEveryProblemOfAGatheredError() {
        let text = "StartAt: A\nStates: {}\n"
        let first = CairnDefinitionError(
            code: .invalidDefinition,
            message: "StartAt names no state: 'A'",
            location: CairnCore.SourceLocation(file: "flow.yaml", line: 1, column: 10)
        )
        let second = CairnDefinitionError(
            code: .invalidDefinition,
            message: "States must not be empty",
            location: CairnCore.SourceLocation(file: "flow.yaml", line: 2, column: 9)
        )
        let error = CairnDefinitionError(
            code: .invalidDefinition,
            message: "\(first)\n\(second)",
            problems: [first, second]
        )
        #expect(
            renderDiagnostic(error, source: text) == """
                flow.yaml:1:10: error: StartAt names no state: 'A'
                StartAt: A
                         ^
                flow.yaml:2:9: error: States must not be empty
                States: {}
                        ^
                """
        )
    }

    @Test func rendersOnlyTheFirstLineWithoutSourceOrLine() {
        let error = CairnDefinitionError(
            code: .syntax,
            message: "unexpected end of input",
            location: CairnCore.SourceLocation(file: "flow.json", line: 3, column: 1)
        )
        #expect(
            renderDiagnostic(error, source: nil) == "flow.json:3:1: error: unexpected end of input"
        )
        #expect(
            renderDiagnostic(error, source: "{\n")
                == "flow.json:3:1: error: unexpected end of input"
        )
    }

    @Test func rendersAnErrorWithoutALocationAsAPlainError() {
        let error = CairnDefinitionError(
            code: .unreadableFile,
            message: "cannot read 'flow.yaml': no such file"
        )
        #expect(
            renderDiagnostic(error, source: nil) == "error: cannot read 'flow.yaml': no such file"
        )
    }
}
