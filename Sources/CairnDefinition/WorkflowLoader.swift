// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import Foundation

/// Reads workflow files and checks them statically.
///
/// Every entry point either returns a `Workflow` that passed all checks or
/// throws one `CairnDefinitionError`. When the document was read but breaks
/// rules of the language, that error has code `invalidDefinition` and lists
/// every problem in `problems`, sorted by line and column, each with its own
/// `location` and message; its `message` holds them all, one
/// `file:line:column: message` line each, so printing it is enough.
///
/// ```swift
/// do {
///     let workflow = try WorkflowLoader.load(path: "Workflows/train.yaml")
/// } catch {
///     for problem in error.problems { print(problem) }  // file:line:column: message
/// }
/// ```
public enum WorkflowLoader {
    /// The fields of the wrapper form of a workflow file.
    static let wrapperFields = ["name", "description", "triggers", "definition"]

    /// Reads, decodes and checks the workflow file at `path` (YAML or JSON).
    ///
    /// - Parameter path: The file, as the user named it; messages use it.
    /// - Throws: `CairnDefinitionError`: `unreadableFile` when the file cannot
    ///   be read, `syntax` when it is not well-formed YAML or JSON, and
    ///   `invalidDefinition` with `problems` when it is not a valid workflow.
    public static func load(path: String) throws(CairnDefinitionError) -> Workflow {
        try decode(document: DocumentReader.read(path: path))
    }

    /// Decodes and checks a workflow whose text was already read.
    ///
    /// Files whose name ends in `.json` are read as JSON, all others as YAML.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The file's name, for messages and the default workflow name.
    /// - Throws: `CairnDefinitionError` with code `syntax` or `invalidDefinition`.
    public static func decode(text: String, file: String) throws(CairnDefinitionError) -> Workflow {
        try decode(document: DocumentReader.parse(text: text, file: file))
    }

    /// Decodes and checks a document that `DocumentReader` parsed.
    ///
    /// - Throws: `CairnDefinitionError` with code `invalidDefinition` and every
    ///   problem in `problems`.
    public static func decode(document: Document) throws(CairnDefinitionError) -> Workflow {
        try decode(value: document.value, sourceMap: document.sourceMap)
    }

    /// Decodes and checks a parsed workflow document.
    ///
    /// - Parameters:
    ///   - value: The whole document: a bare definition or the wrapper form.
    ///   - sourceMap: Where each part of `value` was written; its `file`
    ///     becomes the workflow's `file` and names it when the document
    ///     does not.
    /// - Throws: `CairnDefinitionError` with code `invalidDefinition` and every
    ///   problem in `problems`.
    public static func decode(
        value: JSONValue,
        sourceMap: SourceMap
    ) throws(CairnDefinitionError) -> Workflow {
        var decoder = StateMachineDecoder(sourceMap: sourceMap)
        let workflow = decodeWorkflow(value, decoder: &decoder)
        let problems = decoder.problems.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location
            let right = rhs.element.location
            let leftKey = [left?.line ?? 0, left?.column ?? 0, lhs.offset]
            let rightKey = [right?.line ?? 0, right?.column ?? 0, rhs.offset]
            return leftKey.lexicographicallyPrecedes(rightKey)
        }.map(\.element)
        guard let workflow, problems.isEmpty else {
            throw CairnDefinitionError(
                code: .invalidDefinition,
                message: problems.map(\.description).joined(separator: "\n"),
                problems: problems
            )
        }
        return workflow
    }

    /// Every problem of a parsed workflow document, sorted by place; empty
    /// when it is valid.
    public static func problems(
        in value: JSONValue,
        sourceMap: SourceMap
    ) -> [CairnDefinitionError] {
        do {
            _ = try decode(value: value, sourceMap: sourceMap)
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: - Wrapper

    /// Splits the wrapper form from the definition and decodes both.
    private static func decodeWorkflow(
        _ value: JSONValue,
        decoder: inout StateMachineDecoder
    ) -> Workflow? {
        let file = decoder.sourceMap.file
        let defaultName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let object = value.objectValue, isWrapper(object) else {
            let machine = decoder.decodeMachine(value, at: [], scope: .root)
            return Workflow(
                name: defaultName,
                definition: machine,
                definitionValue: value,
                file: file
            )
        }

        let fields = FieldSet(object: object, path: [])
        for key in object.keys where !wrapperFields.contains(key) {
            let hint =
                StateMachineDecoder.Scope.root.fields.contains(key)
                ? "; state machine fields belong under 'definition'"
                : ValidationSuggestion.hint(for: key, among: wrapperFields)
            decoder.report(
                "unknown field '\(key)' at the top of a workflow file" + hint,
                atKey: [.key(key)]
            )
        }
        let name = decoder.readString("name", in: fields)
        if name?.isEmpty == true {
            decoder.report("name must not be empty", atValue: [.key("name")])
        }
        let description = decoder.readString("description", in: fields)
        guard let definition = object["definition"] else {
            decoder.report(
                "a workflow file needs 'definition', the state machine (StartAt and States)",
                atValue: []
            )
            return nil
        }
        let machine = decoder.decodeMachine(definition, at: [.key("definition")], scope: .root)
        return Workflow(
            name: name ?? defaultName,
            description: description,
            triggers: object["triggers"],
            definition: machine,
            definitionValue: definition,
            file: file
        )
    }

    /// Whether a document is the wrapper form rather than bare ASL.
    private static func isWrapper(_ object: JSONObject) -> Bool {
        if object.contains("definition") { return true }
        if object.contains("StartAt") || object.contains("States") { return false }
        return wrapperFields.contains { object.contains($0) }
    }
}
