// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Foundation
import Testing

/// Every definition in the recorded AWS corpus was accepted by AWS Step
/// Functions, so the validator must accept each one too.
@Suite struct AWSCorpusDefinitionTests {
    /// `../shared/conformance/asl/cases` beside the package root.
    static let casesFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/asl/cases")
        .standardizedFileURL

    static let caseFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(
        .enabled(if: !caseFiles.isEmpty, "the AWS corpus is not checked out beside the package"),
        arguments: caseFiles
    )
    func definitionAcceptedByAWSIsValid(caseFile: String) throws {
        let path = Self.casesFolder.appendingPathComponent(caseFile).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (document, sourceMap) = try JSONValue.parseWithSourceMap(text, file: caseFile)
        let definition = try #require(document["definition"])

        let problems = WorkflowLoader.problems(
            in: definition,
            sourceMap: sourceMap.subtree(at: [.key("definition")])
        )

        #expect(problems.map(\.description) == [])
    }
}
