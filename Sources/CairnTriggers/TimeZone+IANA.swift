// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

extension TimeZone {
    /// The time zone with an IANA tz database name such as `Europe/Berlin`,
    /// or `UTC`.
    ///
    /// The name must be written exactly as the database spells it. Fixed
    /// offsets such as `GMT+2`, which `TimeZone(identifier:)` also accepts,
    /// are refused: a schedule names a place, so that the place's
    /// daylight-saving rules apply.
    ///
    /// - Parameter name: The name as written, case-sensitive.
    /// - Throws: `ScheduleError` with code `unknownTimeZone` and field `timezone`.
    public static func schedule(named name: String) throws(ScheduleError) -> TimeZone {
        let isOffset = ["GMT+", "GMT-", "UTC+", "UTC-"].contains { name.hasPrefix($0) }
        let isUTC = name == "UTC"
        guard !isOffset, let zone = TimeZone(identifier: name),
            isUTC || zone.identifier == name
        else {
            throw ScheduleError(
                code: .unknownTimeZone,
                message: "'\(name)' is not an IANA time zone name such as Europe/Berlin or UTC",
                field: "timezone",
                expression: name
            )
        }
        return zone
    }

    /// The zone's IANA name, with Foundation's `GMT` for UTC shown as `UTC`,
    /// the name schedules are written with.
    public var scheduleName: String {
        identifier == "GMT" ? "UTC" : identifier
    }
}
