// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A workflow file, decoded and checked: its state machine and the Cairn
/// settings around it.
///
/// A file is either a bare States Language definition (`StartAt`, `States`)
/// or a wrapper whose top holds `name`, `description`, `triggers` and the
/// bare definition under `definition`. Only `definition` is ASL; the rest is
/// Cairn's and is left out when a definition is exported.
///
/// ```swift
/// let workflow = try WorkflowLoader.load(path: "Workflows/train.yaml")
/// workflow.name                  // "train", from the file name
/// workflow.definition.startAt    // "ValidateData"
/// ```
public struct Workflow: Sendable {
    /// The wrapper's `name`, or the file's base name without its extension.
    public var name: String
    /// The wrapper's `description`.
    public var description: String?
    /// The wrapper's `triggers`, as written; the trigger engine checks them.
    public var triggers: JSONValue?
    /// The state machine, decoded and checked.
    public var definition: StateMachine
    /// The bare ASL definition as written, for storage and export.
    public var definitionValue: JSONValue
    /// The file the workflow was read from, as the user named it.
    public var file: String

    /// Creates a workflow from parts already decoded; `WorkflowLoader` is the
    /// usual way to get one.
    public init(
        name: String,
        description: String? = nil,
        triggers: JSONValue? = nil,
        definition: StateMachine,
        definitionValue: JSONValue,
        file: String
    ) {
        self.name = name
        self.description = description
        self.triggers = triggers
        self.definition = definition
        self.definitionValue = definitionValue
        self.file = file
    }
}
