// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnTriggers

/// `cairn validate FILE...`: checks workflow files without running them.
struct ValidateCommand: Command {
    static let files = Argument.variadicPositional(
        "file",
        minimumCount: 1,
        as: ArgumentPath.self,
        help: "Workflow files (YAML or JSON) to check."
    )
    static let json = Argument.flag("--json", help: "Print the problems as one JSON object.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "validate",
            abstract: "Check workflow files against the States Language and Cairn's rules.",
            discussion: """
                Prints one 'file:line:column: message' line per problem, followed by the \
                source line and a caret. Exit status: 0 when every file is valid, 1 otherwise.
                """,
            arguments: [Self.json, Self.files]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        var invalidCount = 0
        var report: [JSONValue] = []
        for file in invocation[Self.files] {
            let problems = ValidateCommand.problems(in: file.text)
            if !problems.isEmpty { invalidCount += 1 }
            report.append(ValidateCommand.json(file: file.text, problems))
            guard !invocation[Self.json] else { continue }
            if problems.isEmpty {
                invocation.terminal.write("\(file.text): valid\n")
            }
            for problem in problems {
                invocation.terminal.write(ValidateCommand.render(problem, file: file.text))
            }
        }
        if invocation[Self.json] {
            let result: JSONValue = [
                "valid": .bool(invalidCount == 0),
                "files": .array(report),
            ]
            invocation.terminal.write(result.prettyText + "\n")
        }
        return invalidCount == 0 ? 0 : 1
    }

    /// Every problem in a file; a file that cannot be read or parsed has one.
    static func problems(in path: String) -> [CairnDefinitionError] {
        let workflow: Workflow
        do {
            workflow = try WorkflowLoader.load(path: path)
        } catch {
            return error.problems.isEmpty ? [error] : error.problems
        }
        let triggerProblems = TriggerDefinition.problems(in: workflow)
        guard !triggerProblems.isEmpty else { return [] }
        let sourceMap = (try? DocumentReader.read(path: path))?.sourceMap
        return triggerProblems.map { problem in
            var documentPath: [JSONPathComponent] = [.key("triggers")]
            if problem.index >= 0 { documentPath.append(.index(problem.index)) }
            if let field = problem.field { documentPath.append(.key(field)) }
            return CairnDefinitionError(
                code: .invalidDefinition,
                message: "triggers[\(problem.index)]: \(problem.message)",
                location: sourceMap?.keyLocation(of: documentPath),
                documentPath: documentPath
            )
        }
    }

    /// `file:line:column: message`, then the source line with a caret under
    /// the column when the file can be shown.
    static func render(_ problem: CairnDefinitionError, file: String) -> String {
        guard let location = problem.location else {
            return "\(file): \(problem.message)\n"
        }
        var text = "\(location): \(problem.message)\n"
        let rendered = renderDiagnostic(problem, source: SourceLines.read(location.file))
        let context = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        // A source line too long to read (minified JSON) would only bury the message.
        if !context.isEmpty, context.allSatisfy({ $0.count <= 240 }) {
            text += context.joined(separator: "\n") + "\n"
        }
        return text
    }

    static func json(file: String, _ problems: [CairnDefinitionError]) -> JSONValue {
        let entries = problems.map { problem -> JSONValue in
            var entry = JSONObject()
            entry["file"] = .string(problem.location?.file ?? file)
            entry["line"] = problem.location.map { .number(JSONNumber($0.line)) } ?? .null
            entry["column"] = problem.location.map { .number(JSONNumber($0.column)) } ?? .null
            entry["message"] = .string(problem.message)
            return .object(entry)
        }
        return [
            "file": .string(file), "valid": .bool(problems.isEmpty), "problems": .array(entries),
        ]
    }
}
