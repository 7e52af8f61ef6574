// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnTriggers
import Foundation

/// `cairn schedule`: the group of commands over schedules.
struct ScheduleCommand: Command {
    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "schedule",
            abstract: "Try schedule expressions and see when schedule triggers fire.",
            subcommands: [
                ScheduleNextCommand(),
                SchedulePauseCommand(isPause: true),
                SchedulePauseCommand(isPause: false),
            ]
        )
    }
}

extension Schedule.NonexistentTimePolicy: ArgumentValue {}
extension Schedule.RepeatedTimePolicy: ArgumentValue {}

/// `cairn schedule next`: the next fire times of a trigger or an expression.
struct ScheduleNextCommand: Command {
    static let name = Argument.optionalPositional(
        "name",
        as: String.self,
        help: "A schedule trigger's name (or WORKFLOW/NAME) in the files under --workflows."
    )
    static let expression = Argument.option(
        "--expression",
        valueName: "expression",
        as: String.self,
        help: "Try an expression instead: rate(...), cron(...) or five cron fields."
    )
    static let timeZone = Argument.option(
        "--timezone",
        valueName: "zone",
        as: String.self,
        help: "With --expression: the IANA time zone (default: UTC)."
    )
    static let nonexistentTime = Argument.option(
        "--nonexistent-time",
        valueName: "policy",
        as: Schedule.NonexistentTimePolicy.self,
        help: "With --expression: a time that clocks skip fires after the gap, or not at all."
    )
    static let repeatedTime = Argument.option(
        "--repeated-time",
        valueName: "policy",
        as: Schedule.RepeatedTimePolicy.self,
        help: "With --expression: a time that happens twice fires at the first, second or both."
    )
    static let count = Argument.option(
        "--count",
        valueName: "n",
        default: 5,
        help: "How many fire times to show (1-1000)."
    )
    static let from = Argument.option(
        "--from",
        valueName: "time",
        as: String.self,
        help: "Show fires after this RFC 3339 time, e.g. 2025-03-30T00:00:00Z (default: now)."
    )
    static let workflows = Argument.option(
        "--workflows",
        valueName: "dir",
        default: ArgumentPath("Workflows"),
        help: "The folder whose workflow files declare the triggers."
    )
    static let json = Argument.flag("--json", help: "Print a JSON array.")

    static let maximumCount = 1000

    var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "next",
            abstract: "Show the next times a schedule fires, in local time and UTC.",
            discussion: """
                Name a schedule trigger declared in a workflow file, or try an expression with \
                --expression before writing it down. Fires that a daylight-saving change moved \
                or that fall on a time happening twice are marked in the NOTE column. Rate \
                expressions count from --from. Exit status: 0 on success, 2 for a usage error \
                or an invalid schedule.
                """,
            arguments: [
                Self.expression, Self.timeZone, Self.nonexistentTime, Self.repeatedTime,
                Self.count, Self.from, Self.workflows, Self.json, Self.name,
            ]
        )
    }

    func run(_ invocation: CommandInvocation) async throws -> Int32 {
        let count = invocation[Self.count]
        guard (1...Self.maximumCount).contains(count) else {
            throw CommandUsageError("'--count' must be from 1 to \(Self.maximumCount)")
        }
        let from = try Self.from(invocation)
        let schedule = try Self.schedule(invocation)
        let fires = schedule.nextFireTimes(after: from, count: count)
        if invocation[Self.json] {
            let list = JSONValue.array(fires.map { Self.json($0, schedule: schedule) })
            invocation.terminal.write(list.prettyText + "\n")
            return 0
        }
        invocation.terminal.write(
            Self.describe(fires, schedule: schedule, count: count, from: from)
        )
        return 0
    }

    // MARK: - Arguments

    private static func from(_ invocation: CommandInvocation) throws -> Date {
        guard let text = invocation[Self.from] else { return Date() }
        guard let date = ScheduleTimestamp.parse(text) else {
            throw CommandUsageError(
                "'--from' is not an RFC 3339 time such as 2025-03-30T00:00:00Z: '\(text)'"
            )
        }
        return date
    }

    private static func schedule(_ invocation: CommandInvocation) throws -> Schedule {
        switch (invocation[Self.name], invocation[Self.expression]) {
        case (.some, .some):
            throw CommandUsageError("give a trigger name or '--expression', not both")
        case (nil, nil):
            throw CommandUsageError("give a trigger name, or try an expression with '--expression'")
        case (let name?, nil):
            let options = [
                invocation[Self.timeZone].map { _ in "--timezone" },
                invocation[Self.nonexistentTime].map { _ in "--nonexistent-time" },
                invocation[Self.repeatedTime].map { _ in "--repeated-time" },
            ].compactMap { $0 }
            if let option = options.first {
                throw CommandUsageError(
                    "'\(option)' goes with '--expression'; trigger '\(name)' sets its own in its "
                        + "workflow file"
                )
            }
            return try ScheduleTriggerLookup.find(name, in: invocation[Self.workflows]).schedule
        case (nil, let expression?):
            do {
                return try Schedule(
                    expression: expression,
                    timeZone: invocation[Self.timeZone] ?? "UTC",
                    nonexistentTimePolicy: invocation[Self.nonexistentTime] ?? .afterGap,
                    repeatedTimePolicy: invocation[Self.repeatedTime] ?? .first
                )
            } catch {
                let option = error.code == .unknownTimeZone ? "--timezone" : "--expression"
                throw CommandUsageError("'\(option)': \(error.detailedDescription())")
            }
        }
    }

    // MARK: - Output

    /// One fire as `--json` prints it.
    static func json(_ fire: ScheduledFire, schedule: Schedule) -> JSONValue {
        var object = JSONObject()
        object["utc"] = .string(ScheduleTimestamp.utc(fire.instant))
        object["local"] = .string(
            ScheduleTimestamp.local(fire.instant, utcOffsetSeconds: fire.utcOffsetSeconds)
        )
        object["timeZone"] = .string(schedule.timeZone.scheduleName)
        object["abbreviation"] =
            abbreviation(fire, schedule.timeZone).map(JSONValue.string) ?? .null
        object["utcOffset"] = .string(
            ScheduleTimestamp.offsetText(fire.utcOffsetSeconds, zeroAsZ: false)
        )
        object["scheduledLocalTime"] = .string(fire.scheduledTime.description)
        object["dstAdjustment"] = .string(fire.adjustment.rawValue)
        return .object(object)
    }

    static func describe(
        _ fires: [ScheduledFire],
        schedule: Schedule,
        count: Int,
        from: Date
    ) -> String {
        let zone = schedule.timeZone.scheduleName
        var text = "\(schedule.expression) in \(zone), after \(ScheduleTimestamp.utc(from)):\n"
        var table = Table(columns: [
            Table.Column("LOCAL", isTruncatable: false),
            Table.Column("UTC", isTruncatable: false),
            Table.Column("NOTE"),
        ])
        for fire in fires {
            let local = ScheduleTimestamp.local(
                fire.instant,
                utcOffsetSeconds: fire.utcOffsetSeconds
            )
            let offset = ScheduleTimestamp.offsetText(fire.utcOffsetSeconds, zeroAsZ: false)
            table.append([
                readable(local) + " " + offset
                    + (abbreviation(fire, schedule.timeZone).map { " \($0)" } ?? ""),
                readable(ScheduleTimestamp.utc(fire.instant)),
                note(fire),
            ])
        }
        if !fires.isEmpty { text += table.render(width: nil) }
        if fires.count < count {
            text +=
                fires.isEmpty ? "It never fires after that.\n" : "It fires no more after that.\n"
        }
        return text
    }

    /// `2025-03-30 03:00:00` from an RFC 3339 text.
    private static func readable(_ timestamp: String) -> String {
        String(timestamp.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// The zone's abbreviation at the fire (`GMT`), when Foundation knows a
    /// real one rather than an offset such as `GMT+2`.
    // TODO: Read abbreviations such as CEST from the tz database: Foundation on Linux names
    // most zones' times only by offset (GMT+2), so the LOCAL column shows the offset alone.
    private static func abbreviation(_ fire: ScheduledFire, _ zone: TimeZone) -> String? {
        guard let name = zone.abbreviation(for: fire.instant), name.allSatisfy(\.isLetter) else {
            return nil
        }
        return name == "GMT" && zone.scheduleName == "UTC" ? "UTC" : name
    }

    static func note(_ fire: ScheduledFire) -> String {
        let scheduled = fire.scheduledTime.clockText
        switch fire.adjustment {
        case .none:
            return ""
        case .movedAfterGap:
            return "DST: \(scheduled) does not exist that day; moved to \(fire.localTime.clockText)"
        case .firstOccurrence:
            return "DST: \(scheduled) happens twice that day; this is the first"
        case .secondOccurrence:
            return "DST: \(scheduled) happens twice that day; this is the second"
        }
    }
}

/// Finds a schedule trigger by name in the workflow files of a folder.
enum ScheduleTriggerLookup {
    static let suffixes = [".yaml", ".yml", ".json"]

    /// The trigger named `name`, or `WORKFLOW/NAME`, among the schedule
    /// triggers of the workflow files directly inside `directory`.
    static func find(_ name: String, in directory: ArgumentPath) throws -> ScheduleTrigger {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        let (workflowName, triggerName) = parts.count == 2 ? (parts[0], parts[1]) : (nil, name)
        let files = try workflowFiles(in: directory)
        var matches: [(file: String, workflow: String, value: JSONValue)] = []
        var unreadable = 0
        for file in files {
            guard let workflow = try? WorkflowLoader.load(path: file) else {
                unreadable += 1
                continue
            }
            if let workflowName, workflow.name != workflowName { continue }
            for item in workflow.triggers?.arrayValue ?? []
            where ScheduleTrigger.isSchedule(item) && item["name"]?.stringValue == triggerName {
                matches.append((file, workflow.name, item))
            }
        }
        guard let match = matches.first else {
            let note =
                unreadable == 0
                ? "" : " (\(unreadable) file(s) there are invalid; see 'cairn validate')"
            throw CommandUsageError(
                "no schedule trigger named '\(name)' in the workflow files under "
                    + "'\(directory.text)'\(note)"
            )
        }
        guard matches.count == 1 else {
            let workflows = matches.map(\.workflow).joined(separator: ", ")
            throw CommandUsageError(
                "'\(name)' names schedule triggers in several workflows (\(workflows)); "
                    + "write WORKFLOW/\(triggerName)"
            )
        }
        do {
            return try ScheduleTrigger(value: match.value)
        } catch {
            throw CommandUsageError(
                "\(match.file): trigger '\(triggerName)': \(error.detailedDescription())"
            )
        }
    }

    private static func workflowFiles(in directory: ArgumentPath) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard
            FileManager.default.fileExists(
                atPath: directory.absolutePath,
                isDirectory: &isDirectory
            ),
            isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.absolutePath)
        else {
            throw CommandUsageError("'--workflows': no folder '\(directory.text)'")
        }
        let base = directory.text.hasSuffix("/") ? directory.text : directory.text + "/"
        return names.filter { name in suffixes.contains { name.hasSuffix($0) } }
            .sorted()
            .map { base + $0 }
    }
}
