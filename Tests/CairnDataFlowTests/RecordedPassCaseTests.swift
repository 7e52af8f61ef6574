// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDataFlow
import CairnDefinition
import Testing

@Suite struct RecordedPassCaseTests {
    /// Runs the data flow of a one-state Pass machine as AWS does:
    /// Parameters, then ResultPath, then OutputPath.
    @Test(arguments: RecordedPassCases.all)
    func producesTheOutputAWSRecorded(_ recorded: RecordedPassCases.Case) throws {
        let state = try JSONValue(parsing: recorded.state)
        let input = try JSONValue(parsing: recorded.input)
        let expected = try JSONValue(parsing: recorded.output)
        let scope = EvaluationScope(input: input, context: ["Execution": ["Input": input]])

        let template = try PayloadTemplate(compiling: try #require(state["Parameters"]))
        let result = try scope.evaluate(template, field: "Parameters")
        var resultPath = DataPath.whole
        if case .string(let text)? = state["ResultPath"] {
            resultPath = .path(try JSONPath(parsing: text))
        }
        let combined = try resultPath.applyingResult(result, to: input)
        var outputPath = DataPath.whole
        if case .string(let text)? = state["OutputPath"] {
            outputPath = .path(try JSONPath(parsing: text))
        }
        let output = try scope.replacingInput(combined).select(outputPath)

        #expect(output == expected)
    }
}
