// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// A `type: file` trigger: which folder to watch and when a file counts as
/// complete. Relative directories start at the workflow file's folder.
public struct FileDropTrigger: Sendable {
    public static let keys = [
        "name", "type", "directory", "pattern", "recursive", "complete", "settleSeconds",
        "marker", "mode", "pollSeconds", "archive", "enabled", "input",
    ]

    public var configuration: FileDropConfiguration
    public var isEnabled: Bool

    init(value: JSONValue, qualifiedName: String, workflowFile: String) throws(ScheduleError) {
        let object = value.objectValue ?? JSONObject()
        if let unknown = object.map(\.key).first(where: { !Self.keys.contains($0) }) {
            throw Self.fail(
                unknown,
                "'\(unknown)' is not a file trigger key "
                    + "(\(Self.keys.joined(separator: ", ")))"
            )
        }
        guard case .string(let written) = object["directory"] ?? .null else {
            throw Self.fail("directory", "a file trigger needs the directory to watch")
        }
        let folder = URL(fileURLWithPath: workflowFile).deletingLastPathComponent()
        let directory =
            written.hasPrefix("/")
            ? written
            : folder.appendingPathComponent(written).standardized.path
        let rules = try Self.rules(object["complete"])
        do {
            configuration = try FileDropConfiguration(
                triggerID: qualifiedName,
                directory: directory,
                pattern: try GlobPattern(object["pattern"]?.stringValue ?? "*"),
                isRecursive: try Self.flag(object, "recursive", default: false),
                completionRules: rules,
                settlePeriod: .seconds(try Self.seconds(object, "settleSeconds") ?? 5),
                markerSuffix: object["marker"]?.stringValue ?? ".done",
                mode: FileDropWatchMode(rawValue: object["mode"]?.stringValue ?? "auto") ?? .auto,
                pollInterval: .seconds(try Self.seconds(object, "pollSeconds") ?? 2),
                isArchiving: try Self.flag(object, "archive", default: false)
            )
        } catch let error as FileDropError {
            throw Self.fail(nil, error.message)
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw Self.fail(nil, "\(error)")
        }
        isEnabled = try Self.flag(object, "enabled", default: true)
    }

    /// A true/false key; anything else is a problem, not a silent default.
    static func flag(
        _ object: JSONObject,
        _ key: String,
        default value: Bool
    ) throws(ScheduleError) -> Bool {
        guard let written = object[key] else { return value }
        guard let flag = written.boolValue else {
            throw fail(key, "\(key) is true or false, not \(written.compactText)")
        }
        return flag
    }

    private static func rules(
        _ value: JSONValue?
    ) throws(ScheduleError) -> Set<FileDropCompletionRule> {
        guard let value else { return [.rename, .settle] }
        let names =
            value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] }
            ?? []
        var rules: Set<FileDropCompletionRule> = []
        for name in names {
            guard let rule = FileDropCompletionRule(rawValue: name) else {
                throw fail("complete", "'\(name)' is not rename, settle or marker")
            }
            rules.insert(rule)
        }
        guard !rules.isEmpty else { throw fail("complete", "complete names at least one rule") }
        return rules
    }

    private static func seconds(_ object: JSONObject, _ key: String) throws(ScheduleError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue?.int64Value, number >= 0, number <= 86_400 else {
            throw fail(key, "\(key) is a whole number of seconds from 0 to 86400")
        }
        return Int(number)
    }

    private static func fail(_ key: String?, _ message: String) -> ScheduleError {
        ScheduleError(code: .invalidTrigger, message: message, field: key, expression: "")
    }
}

/// A `type: registry` trigger: starts the workflow when a model version is
/// registered, approved or rejected.
public struct RegistryTrigger: Sendable {
    public enum Event: String, Sendable, CaseIterable {
        case registered
        case approved
        case rejected
    }

    public static let keys = ["name", "type", "event", "model", "enabled", "input"]

    public var events: Set<Event>
    /// Only this model, when set.
    public var model: String?
    public var isEnabled: Bool

    init(value: JSONValue) throws(ScheduleError) {
        let object = value.objectValue ?? JSONObject()
        if let unknown = object.map(\.key).first(where: { !Self.keys.contains($0) }) {
            throw ScheduleError(
                code: .invalidTrigger,
                message: "'\(unknown)' is not a registry trigger key "
                    + "(\(Self.keys.joined(separator: ", ")))",
                field: unknown,
                expression: ""
            )
        }
        let names =
            object["event"]?.arrayValue?.compactMap(\.stringValue)
            ?? object["event"]?.stringValue.map { [$0] } ?? ["registered"]
        var events: Set<Event> = []
        for name in names {
            guard let event = Event(rawValue: name) else {
                throw ScheduleError(
                    code: .invalidTrigger,
                    message: "'\(name)' is not registered, approved or rejected",
                    field: "event",
                    expression: ""
                )
            }
            events.insert(event)
        }
        self.events = events
        self.model = object["model"]?.stringValue
        self.isEnabled = try FileDropTrigger.flag(object, "enabled", default: true)
    }
}
