// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

/// Replays the Choice decisions AWS made in the recorded conformance corpus.
@Suite struct ChoiceCorpusTests {
    @Test(
        "AWS took the same branch",
        .enabled(if: ChoiceCorpus.isAvailable, "the conformance corpus is not checked out"),
        arguments: ChoiceCorpus.cases
    )
    func awsTookTheSameBranch(_ recorded: ChoiceCorpusCase) throws {
        let index = try ChoiceEvaluator.firstMatchingChoice(in: recorded.choice) { path in
            ChoiceTestResolver.value(at: path, in: recorded.input)
        }

        let target = index.map { recorded.choice.choices[$0].next } ?? recorded.choice.defaultNext
        let noMatch = ChoiceCorpusCase.Outcome.failed(
            error: WorkflowFailure.Name.noChoiceMatched,
            cause: nil
        )
        let outcome = target.flatMap { recorded.targets[$0] } ?? noMatch
        #expect(outcome == recorded.expected)
    }

    @Test(
        "The corpus yields the Choice cases it is known to hold",
        .enabled(if: ChoiceCorpus.isAvailable, "the conformance corpus is not checked out")
    )
    func corpusYieldsTheKnownChoiceCases() {
        // All 476 JSONPath cases of category `choice` qualify; losing some
        // would mean the reader or the filter silently stopped seeing them.
        let choiceCases = ChoiceCorpus.cases.filter { $0.category == "choice" }
        #expect(choiceCases.count >= 476)
    }
}
