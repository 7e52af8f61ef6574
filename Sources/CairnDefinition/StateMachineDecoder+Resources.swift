// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

extension StateMachineDecoder {
    /// Cairn's own Task resources and the ASL suffixes each one takes.
    ///
    /// `.sync` makes sense only where the resource starts work that ends
    /// later (a child workflow); `.waitForTaskToken` where something outside
    /// the task may finish it with the token (a process, a child workflow, an
    /// evaluation gate waiting for a person).
    static let cairnResources: [(name: String, suffixes: [String])] = [
        ("cairn:exec", [".waitForTaskToken"]),
        ("cairn:registry.register", []),
        ("cairn:registry.approve", []),
        ("cairn:registry.reject", []),
        ("cairn:eval.gate", [".waitForTaskToken"]),
        ("cairn:workflow.start", [".sync", ".waitForTaskToken"]),
        ("cairn:gateway.invoke", []),
    ]

    /// Every resource string Cairn runs, suffixes included.
    static let cairnResourceNames: [String] = cairnResources.flatMap { resource in
        [resource.name] + resource.suffixes.map { resource.name + $0 }
    }

    /// The fields a literal `cairn:exec` Parameters object may hold.
    static let execParameterNames = ["Command", "Payload", "Env", "WorkingDirectory"]

    /// Checks a Task's `Resource` and, for `cairn:exec`, its parameters.
    mutating func checkResource(_ resource: String, of state: State, in fields: FieldSet) {
        let path = fields.path("Resource")
        if resource.hasPrefix("arn:") { return }
        guard resource.hasPrefix("cairn:") else {
            if let match = ValidationSuggestion.closest(
                to: resource,
                among: Self.cairnResourceNames
            ) {
                report("unknown resource '\(resource)'; did you mean '\(match)'?", atValue: path)
            } else {
                report(
                    "Resource must be a Cairn resource such as 'cairn:exec', or an 'arn:' "
                        + "for AWS, found '\(resource)'",
                    atValue: path
                )
            }
            return
        }
        if Self.cairnResourceNames.contains(resource) {
            if resource.hasPrefix("cairn:exec") { checkExecParameters(of: state, in: fields) }
            return
        }
        for (name, suffixes) in Self.cairnResources {
            for suffix in [".sync", ".waitForTaskToken"]
            where resource == name + suffix && !suffixes.contains(suffix) {
                report("'\(name)' does not take the '\(suffix)' suffix", atValue: path)
                return
            }
        }
        report(
            "unknown resource '\(resource)'"
                + ValidationSuggestion.hint(for: resource, among: Self.cairnResourceNames),
            atValue: path
        )
    }

    /// Checks the literal parameters of a `cairn:exec` task.
    private mutating func checkExecParameters(of state: State, in fields: FieldSet) {
        let key = state.queryLanguage == .jsonPath ? "Parameters" : "Arguments"
        guard let value = fields[key] else {
            if fields.object[key] == nil {
                report(
                    "a cairn:exec task needs \(key) with a Command, the program and its "
                        + "arguments as an array of strings",
                    atKey: fields.path
                )
            }
            return
        }
        // An expression computes the whole object at run time.
        let isExpression = value.stringValue.map(Self.isJSONataExpression) == true
        if state.queryLanguage == .jsonata, isExpression {
            return
        }
        guard let object = value.objectValue else {
            report(
                "\(key) of a cairn:exec task must be an object, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return
        }
        let parameters = FieldSet(object: object, path: fields.path(key))
        var hasCommand = false
        for (name, member) in object {
            let isDynamic = state.queryLanguage == .jsonPath && name.hasSuffix(".$")
            let field = isDynamic ? String(name.dropLast(2)) : name
            guard Self.execParameterNames.contains(field) else {
                report(
                    "cairn:exec does not take the parameter '\(field)'"
                        + ValidationSuggestion.hint(for: field, among: Self.execParameterNames)
                        + " (it takes Command, Payload, Env and WorkingDirectory)",
                    atKey: parameters.path(name)
                )
                continue
            }
            if field == "Command" { hasCommand = true }
            if !isDynamic {
                checkExecParameter(field, value: member, at: parameters.path(name), state: state)
            }
        }
        if !hasCommand {
            report(
                "a cairn:exec task needs a Command, the program and its arguments as an "
                    + "array of strings",
                atKey: fields.path(key)
            )
        }
    }

    /// Checks the shape of one literal `cairn:exec` parameter.
    private mutating func checkExecParameter(
        _ field: String,
        value: JSONValue,
        at path: DocumentPath,
        state: State
    ) {
        let isExpression = value.stringValue.map(Self.isJSONataExpression) == true
        if state.queryLanguage == .jsonata, isExpression {
            return
        }
        switch field {
        case "Command":
            guard let arguments = value.arrayValue, !arguments.isEmpty else {
                report(
                    "Command must be a non-empty array of strings, found " + Self.describe(value),
                    atValue: path
                )
                return
            }
            for (index, argument) in arguments.enumerated() where argument.stringValue == nil {
                report(
                    "Command must be an array of strings, found " + Self.describe(argument)
                        + " at index \(index)",
                    atValue: path + [.index(index)]
                )
            }
        case "Env":
            guard let object = value.objectValue else {
                report(
                    "Env must be an object of variable names to strings, found "
                        + Self.describe(value),
                    atValue: path
                )
                return
            }
            for (name, member) in object where !name.hasSuffix(".$") && member.stringValue == nil {
                report(
                    "the value of the environment variable '\(name)' must be a string, found "
                        + Self.describe(member),
                    atValue: path + [.key(name)]
                )
            }
        case "WorkingDirectory":
            if value.stringValue == nil {
                report(
                    "WorkingDirectory must be a string, found " + Self.describe(value),
                    atValue: path
                )
            }
        default:
            break
        }
    }
}
