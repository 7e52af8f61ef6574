// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
public import CairnDefinition
import Foundation

/// A trigger declared in a workflow file's `triggers` list.
///
/// ```yaml
/// triggers:
///   - {name: nightly, type: schedule, expression: "cron(0 2 * * ? *)", timezone: Europe/Berlin}
///   - {name: incoming, type: file, directory: incoming, pattern: "*.csv", archive: true}
///   - {name: on-register, type: registry, event: registered}
/// ```
public struct TriggerDefinition: Sendable {
    public enum Kind: Sendable {
        case schedule(ScheduleTrigger)
        case file(FileDropTrigger)
        case registry(RegistryTrigger)

        public var name: String {
            switch self {
            case .schedule: "schedule"
            case .file: "file"
            case .registry: "registry"
            }
        }
    }

    /// `workflow/trigger`, unique in a database.
    public var qualifiedName: String
    /// The trigger's own name.
    public var name: String
    public var kind: Kind
    public var isEnabled: Bool
    /// The execution input, a payload template over the trigger's details
    /// (`$.scheduledTime`, `$.path`, `$.sha256`, `$.modelName`, ...).
    public var input: JSONValue?
    public var workflow: Workflow

    /// The triggers of a workflow, checked.
    ///
    /// - Throws: `ScheduleError` naming the trigger and key at fault.
    public static func all(in workflow: Workflow) throws(ScheduleError) -> [TriggerDefinition] {
        var result: [TriggerDefinition] = []
        var names: Set<String> = []
        for (index, item) in (workflow.triggers?.arrayValue ?? []).enumerated() {
            let definition = try TriggerDefinition(item, index: index, workflow: workflow)
            guard names.insert(definition.name).inserted else {
                throw ScheduleError(
                    code: .invalidTrigger,
                    message: "triggers[\(index)]: the name '\(definition.name)' is used twice",
                    field: "name",
                    expression: ""
                )
            }
            result.append(definition)
        }
        return result
    }

    /// One problem of a workflow's `triggers`: which item, which key, what.
    public struct Problem: Sendable {
        public var index: Int
        public var field: String?
        public var message: String
    }

    /// Every problem of a workflow's triggers, item by item.
    public static func problems(in workflow: Workflow) -> [Problem] {
        guard let triggers = workflow.triggers else { return [] }
        guard let items = triggers.arrayValue else {
            return [Problem(index: -1, field: nil, message: "triggers must be a list")]
        }
        var problems: [Problem] = []
        var names: Set<String> = []
        for (index, item) in items.enumerated() {
            do {
                let definition = try TriggerDefinition(item, index: index, workflow: workflow)
                if !names.insert(definition.name).inserted {
                    problems.append(Problem(
                        index: index, field: "name",
                        message: "the trigger name '\(definition.name)' is used twice"
                    ))
                }
            } catch {
                problems.append(Problem(index: index, field: error.field, message: error.message))
            }
        }
        return problems
    }

    init(_ value: JSONValue, index: Int, workflow: Workflow) throws(ScheduleError) {
        guard case .string(let name) = value["name"] ?? .null, !name.isEmpty else {
            throw ScheduleError(
                code: .invalidTrigger,
                message: "triggers[\(index)] needs a name",
                field: "name",
                expression: ""
            )
        }
        self.name = name
        self.qualifiedName = "\(workflow.name)/\(name)"
        self.workflow = workflow
        self.input = value["input"]
        switch value["type"]?.stringValue {
        case "schedule":
            let trigger = try ScheduleTrigger(value: value)
            kind = .schedule(trigger)
            isEnabled = trigger.isEnabled
        case "file":
            let trigger = try FileDropTrigger(value: value, qualifiedName: qualifiedName,
                                              workflowFile: workflow.file)
            kind = .file(trigger)
            isEnabled = trigger.isEnabled
        case "registry":
            let trigger = try RegistryTrigger(value: value)
            kind = .registry(trigger)
            isEnabled = trigger.isEnabled
        default:
            throw ScheduleError(
                code: .invalidTrigger,
                message: "trigger '\(name)': type is schedule, file or registry",
                field: "type",
                expression: ""
            )
        }
    }
}
