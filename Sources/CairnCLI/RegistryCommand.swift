// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnRegistry
import CairnStorage
import Foundation

/// `cairn registry`: the model registry's commands.
struct RegistryCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "registry",
            abstract: "See the models that workflows registered, their versions and metrics.",
            subcommands: [RegistryListCommand(), RegistryShowCommand()]
        )
    }

    /// A short `name=value` list of a version's metrics for tables.
    static func metricsSummary(_ metrics: JSONValue) -> String {
        (metrics.objectValue ?? JSONObject()).map { name, value in
            if case .number(let number) = value {
                let rounded = (number.doubleValue * 10_000).rounded() / 10_000
                return "\(name)=\(JSONNumber(rounded))"
            }
            return "\(name)=\(value.compactText)"
        }.joined(separator: " ")
    }

    @Sendable
    static func style(_ status: String) -> Terminal.Style? {
        switch status {
        case "APPROVED": .green
        case "REJECTED": .red
        default: .yellow
        }
    }
}

/// `cairn registry list`.
struct RegistryListCommand: Command {
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "list",
            abstract: "List registered models with their latest version.",
            arguments: [DatabaseLocation.option, Self.json]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let database = DatabaseLocation(invocation)
        let models = database.exists ? try database.open().models() : []
        if invocation[Self.json] {
            let list = JSONValue.array(models.map { RegistryTaskHandler.json($0.latestVersion) })
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        guard !models.isEmpty else {
            invocation.terminal.write("No models are registered.\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("MODEL", isTruncatable: false),
            Table.Column("VERSION", alignment: .right, isTruncatable: false),
            Table.Column("STATUS", isTruncatable: false, style: RegistryCommand.style),
            Table.Column("EXECUTION", isTruncatable: false),
            Table.Column("METRICS"),
        ])
        for model in models {
            let latest = model.latestVersion
            table.append([
                model.name,
                String(latest.version),
                latest.status.rawValue,
                latest.executionID ?? "-",
                RegistryCommand.metricsSummary(latest.metrics),
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }
}

/// `cairn registry show MODEL [VERSION]`.
struct RegistryShowCommand: Command {
    static let model = Argument.positional("model", as: String.self, help: "The model's name.")
    static let version = Argument.optionalPositional(
        "version",
        as: Int.self,
        help: "One version to show in full (default: list every version)."
    )
    static let json = Argument.flag("--json", help: "Print JSON.")

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "show",
            abstract: "Show a model's versions, or one version with its metrics and parameters.",
            arguments: [DatabaseLocation.option, Self.json, Self.model, Self.version]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let store = try DatabaseLocation(invocation).openExisting()
        let name = invocation[Self.model]
        if let number = invocation[Self.version] {
            guard let version = try store.modelVersion(name: name, version: number) else {
                throw CommandFailure("the registry has no version \(number) of '\(name)'")
            }
            invocation.terminal.write(render(version, json: invocation[Self.json]))
            return 0
        }
        let versions: [ModelVersionRecord]
        do {
            versions = try store.modelVersions(name: name)
        } catch {
            throw CommandFailure("the registry has no model '\(name)' (see 'cairn registry list')")
        }
        if invocation[Self.json] {
            let list = JSONValue.array(versions.map(RegistryTaskHandler.json))
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        var table = Table(columns: [
            Table.Column("VERSION", alignment: .right, isTruncatable: false),
            Table.Column("STATUS", isTruncatable: false, style: RegistryCommand.style),
            Table.Column("CREATED", isTruncatable: false),
            Table.Column("EXECUTION", isTruncatable: false),
            Table.Column("METRICS"),
        ])
        for version in versions {
            table.append([
                String(version.version),
                version.status.rawValue,
                TerminalFormat.timestamp(version.createdAt),
                version.executionID ?? "-",
                RegistryCommand.metricsSummary(version.metrics),
            ])
        }
        invocation.terminal.write(table.render(for: invocation.terminal))
        return 0
    }

    private func render(_ version: ModelVersionRecord, json: Bool) -> String {
        if json { return RegistryTaskHandler.json(version).prettyText + "\n" }
        var text = """
            Model      \(version.name)
            Version    \(version.version)
            Status     \(version.status.rawValue)

            """
        if let reason = version.statusReason { text += "Reason     \(reason)\n" }
        text += """
            Artifact   \(version.artifactPath)
            SHA-256    \(version.artifactSHA256)
            Execution  \(version.executionID ?? "-")
            Created    \(TerminalFormat.timestamp(version.createdAt))
            Metrics:
            \(version.metrics.prettyText)
            Parameters:
            \(version.parameters.prettyText)

            """
        return text
    }
}
