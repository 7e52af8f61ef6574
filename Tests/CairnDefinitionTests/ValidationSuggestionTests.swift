// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

@testable import CairnDefinition
import Testing

@Suite struct ValidationSuggestionTests {
    @Test(arguments: [
        ("Nxt", "Next"),
        ("next", "Next"),
        ("ResultPth", "ResultPath"),
        ("InptuPath", "InputPath"),
    ])
    func suggestsTheCloseField(typo: String, expected: String) {
        let fields = ["Next", "End", "ResultPath", "InputPath", "OutputPath"]

        #expect(ValidationSuggestion.closest(to: typo, among: fields) == expected)
    }

    @Test func suggestsNothingForAnUnrelatedWord() {
        #expect(ValidationSuggestion.closest(to: "Banana", among: ["Next", "End"]) == nil)
        #expect(ValidationSuggestion.hint(for: "Banana", among: ["Next"]) == "")
    }
}
