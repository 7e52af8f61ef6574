// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Foundation
import Testing

/// The cases of the AWS-recorded conformance corpus that a Choice evaluator
/// can check on its own.
///
/// A case qualifies when its machine starts at a plain Choice state (no
/// `InputPath`, `Assign` or JSONata) whose rules read only `$`, and every
/// state it can go to is a terminal Pass (`Result` or the input as output)
/// or a Fail. Then AWS's recorded result tells which way the Choice went,
/// and the test can replay that with nothing but the evaluator.
enum ChoiceCorpus {
    /// `../shared/conformance/asl/cases` from the package root.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/asl/cases")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.path)
    }

    /// Every qualifying case, in file-name order; empty without the corpus.
    static let cases: [ChoiceCorpusCase] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                let json = try? JSONValue(parsing: text, file: name)
            else { return nil }
            return ChoiceCorpusCase(json)
        }
    }()
}

/// One recorded execution: a Choice state, its input, what the states after
/// it do, and what AWS reported.
struct ChoiceCorpusCase: Sendable, CustomTestStringConvertible {
    /// What an execution ended with, in the corpus's terms.
    enum Outcome: Sendable, Equatable {
        case succeeded(output: JSONValue)
        case failed(error: String?, cause: String?)
    }

    let name: String
    let category: String
    let choice: ChoiceState
    let input: JSONValue
    let expected: Outcome
    /// What each state the Choice can lead to ends the execution with.
    let targets: [String: Outcome]

    var testDescription: String { name }

    init?(_ json: JSONValue) {
        guard json["query_language"]?.stringValue == "JSONPath",
            let name = json["name"]?.stringValue,
            let definition = json["definition"], let input = json["input"],
            let start = definition["StartAt"]?.stringValue,
            let states = definition["States"]?.objectValue,
            let startState = states[start], startState["Type"]?.stringValue == "Choice",
            Set(definition.objectValue?.keys ?? []).isSubset(of: ["StartAt", "States", "Comment"]),
            let choice = ChoiceRuleReader.choiceState(from: startState),
            let expected = Self.outcome(recorded: json["expected"])
        else { return nil }

        var targets: [String: Outcome] = [:]
        let names = choice.choices.map(\.next) + [choice.defaultNext].compactMap { $0 }
        for target in names {
            guard let state = states[target], let outcome = Self.outcome(of: state, input: input)
            else { return nil }
            targets[target] = outcome
        }
        self.name = name
        self.category = json["category"]?.stringValue ?? ""
        self.choice = choice
        self.input = input
        self.expected = expected
        self.targets = targets
    }

    private static func outcome(recorded: JSONValue?) -> Outcome? {
        switch recorded?["status"]?.stringValue {
        case "SUCCEEDED":
            return recorded?["output"].map { .succeeded(output: $0) }
        case "FAILED":
            return .failed(
                error: recorded?["error"]?.stringValue,
                cause: recorded?["cause"]?.stringValue
            )
        default:
            return nil
        }
    }

    /// What a terminal Pass or Fail state makes of `input`, or `nil` for any
    /// other state.
    private static func outcome(of state: JSONValue, input: JSONValue) -> Outcome? {
        guard let fields = state.objectValue else { return nil }
        let keys = Set(fields.keys)
        switch fields["Type"]?.stringValue {
        case "Pass" where keys.isSubset(of: ["Type", "End", "Result", "Comment"]):
            return .succeeded(output: fields["Result"] ?? input)
        case "Fail" where keys.isSubset(of: ["Type", "Error", "Cause", "Comment"]):
            return .failed(error: fields["Error"]?.stringValue, cause: fields["Cause"]?.stringValue)
        default:
            return nil
        }
    }
}
