// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import Foundation

/// A `type: schedule` item of a workflow file's `triggers` list.
///
/// ```yaml
/// triggers:
///   - name: nightly
///     type: schedule
///     expression: cron(30 2 * * ? *)
///     timezone: Europe/Berlin          # IANA name; default UTC
///     nonexistentTime: after-gap       # or skip; default after-gap
///     repeatedTime: first              # or second, both; default first
///     start: 2025-01-01T00:00:00Z      # rate: counts from here; cron: not before
///     enabled: true                    # default true
///     input: {"mode": "full"}          # the execution input; default {}
/// ```
public struct ScheduleTrigger: Sendable, Hashable {
    /// The keys a schedule trigger may have.
    public static let keys = [
        "name", "type", "expression", "timezone", "nonexistentTime", "repeatedTime", "start",
        "enabled", "input", "catchUp", "maxCatchUp", "overlap", "jitterSeconds",
    ]

    /// What happens to fires that fell due while no daemon ran.
    public enum CatchUpPolicy: String, Sendable, Hashable, CaseIterable {
        /// Drop them; fire again at the next due time.
        case none
        /// Run the latest missed fire once (the default).
        case latest
        /// Run every missed fire, oldest first, up to `maxCatchUp`.
        case all
    }

    /// What happens when a fire falls due while the trigger's previous
    /// execution still runs.
    public enum OverlapPolicy: String, Sendable, Hashable, CaseIterable {
        /// Drop the fire (the default).
        case skip
        /// Hold one fire back and run it when the previous execution ends.
        case queue
        /// Run it alongside.
        case allow
    }

    /// The trigger's `name`, unique within its workflow file.
    public var name: String?
    public var schedule: Schedule
    /// `false` keeps the trigger but does not fire it.
    public var isEnabled: Bool
    /// The execution input each fire starts with.
    public var input: JSONValue
    public var catchUp: CatchUpPolicy
    /// The most missed fires `catchUp: all` runs.
    public var maxCatchUp: Int
    public var overlap: OverlapPolicy
    /// Each fire waits a random part of this many seconds, so that many
    /// schedules due at once do not all start together.
    public var jitterSeconds: Int

    /// Whether a `triggers` item is a schedule trigger (`type: schedule`).
    public static func isSchedule(_ value: JSONValue) -> Bool {
        value["type"]?.stringValue == "schedule"
    }

    /// The schedule triggers of a workflow's `triggers` value, in order;
    /// other kinds of trigger are left out.
    ///
    /// - Throws: `ScheduleError` for the first schedule trigger that is invalid.
    public static func all(in triggers: JSONValue?) throws(ScheduleError) -> [ScheduleTrigger] {
        var result: [ScheduleTrigger] = []
        for item in triggers?.arrayValue ?? [] where isSchedule(item) {
            result.append(try ScheduleTrigger(value: item))
        }
        return result
    }

    /// Reads one trigger object.
    ///
    /// - Throws: `ScheduleError`: `invalidTrigger` naming the key at fault,
    ///   `invalidExpression` or `unknownTimeZone` from the values.
    public init(value: JSONValue) throws(ScheduleError) {
        guard let object = value.objectValue else {
            throw Self.fail(nil, "a trigger is an object, not \(value.typeName)")
        }
        if let unknown = object.map(\.key).first(where: { !Self.keys.contains($0) }) {
            throw Self.fail(
                unknown,
                "'\(unknown)' is not a schedule trigger key (\(Self.keys.joined(separator: ", ")))"
            )
        }
        guard Self.isSchedule(value) else {
            throw Self.fail("type", "a schedule trigger has type: schedule")
        }
        let name = try Self.string(object, "name")
        guard let expression = try Self.string(object, "expression") else {
            throw Self.fail("expression", "a schedule trigger needs an expression")
        }
        self.name = name
        self.schedule = try Schedule(
            expression: expression,
            timeZone: try Self.string(object, "timezone") ?? "UTC",
            nonexistentTimePolicy: try Self.choice(object, "nonexistentTime") ?? .afterGap,
            repeatedTimePolicy: try Self.choice(object, "repeatedTime") ?? .first,
            start: try Self.start(object)
        )
        guard let isEnabled = (object["enabled"] ?? .bool(true)).boolValue else {
            throw Self.fail("enabled", "enabled is true or false")
        }
        self.isEnabled = isEnabled
        self.input = object["input"] ?? .object(JSONObject())
        self.catchUp = try Self.choice(object, "catchUp") ?? .latest
        self.overlap = try Self.choice(object, "overlap") ?? .skip
        self.maxCatchUp = try Self.count(object, "maxCatchUp") ?? 10
        self.jitterSeconds = try Self.count(object, "jitterSeconds") ?? 0
    }

    private static func count(_ object: JSONObject, _ key: String) throws(ScheduleError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue?.int64Value, number >= 0, number <= 100_000 else {
            throw fail(key, "\(key) is a whole number from 0 to 100000")
        }
        return Int(number)
    }

    // MARK: - Keys

    private static func string(_ object: JSONObject, _ key: String) throws(ScheduleError) -> String?
    {
        guard let value = object[key] else { return nil }
        guard let text = value.stringValue else {
            throw fail(key, "\(key) is a string, not \(value.typeName)")
        }
        return text
    }

    private static func choice<Choice>(
        _ object: JSONObject,
        _ key: String
    ) throws(ScheduleError) -> Choice?
    where Choice: RawRepresentable & CaseIterable, Choice.RawValue == String {
        guard let text = try string(object, key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(key, "'\(text)' is not one of \(choices)")
        }
        return choice
    }

    private static func start(_ object: JSONObject) throws(ScheduleError) -> Date? {
        guard let text = try string(object, "start") else { return nil }
        guard let date = ScheduleTimestamp.parse(text) else {
            throw fail("start", "'\(text)' is not an RFC 3339 time such as 2025-01-01T00:00:00Z")
        }
        return date
    }

    private static func fail(_ key: String?, _ message: String) -> ScheduleError {
        ScheduleError(code: .invalidTrigger, message: message, field: key, expression: "")
    }
}
