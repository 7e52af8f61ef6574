// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// RFC 3339 timestamps as schedules read and print them.
public enum ScheduleTimestamp {
    /// Reads an RFC 3339 date-time: `2025-03-30T00:00:00Z`,
    /// `2025-03-30T02:00:00+02:00`, with optional fractional seconds; `t`,
    /// `z` and a space for `T` are accepted as RFC 3339 allows. `nil` when
    /// the text is not one, or names no real date.
    public static func parse(_ text: String) -> Date? {
        let characters = Array(text)
        guard characters.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count,
                characters[range].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            return Int(String(characters[range]))
        }
        guard let year = number(0..<4), characters[4] == "-", let month = number(5..<7),
            characters[7] == "-", let day = number(8..<10), "Tt ".contains(characters[10]),
            let hour = number(11..<13), characters[13] == ":", let minute = number(14..<16),
            characters[16] == ":", let second = number(17..<19),
            (1...12).contains(month),
            (1...LocalTime.daysInMonth(year: year, month: month))
                .contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if characters[index] == "." {
            let start = index + 1
            index = start
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                index += 1
            }
            guard index > start, let value = Double("0." + String(characters[start..<index]))
            else { return nil }
            fraction = value
        }
        guard let offset = offsetSeconds(Array(characters[index...])) else { return nil }
        let wall = LocalTime(year: year, month: month, day: day, hour: hour, minute: minute)
        let seconds = wall.naiveSeconds + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    /// `Z`, or `+hh:mm` / `-hh:mm`, in seconds east of UTC.
    private static func offsetSeconds(_ characters: [Character]) -> Int? {
        if characters == ["Z"] || characters == ["z"] { return 0 }
        guard characters.count == 6, let sign = characters.first, "+-".contains(sign),
            characters[3] == ":",
            let hours = Int(String(characters[1..<3])),
            let minutes = Int(String(characters[4..<6])),
            hours < 24, minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// `2025-03-30T01:00:00Z`; fractions of a second are dropped.
    public static func utc(_ instant: Date) -> String {
        local(instant, utcOffsetSeconds: 0)
    }

    /// `2025-03-30T03:00:00+02:00`: the wall time at an offset, then the offset.
    public static func local(_ instant: Date, utcOffsetSeconds offset: Int) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let wall = LocalTime(naiveSeconds: seconds)
        let second = LocalTime.floorDivide(seconds, 1) - LocalTime.floorDivide(seconds, 60) * 60
        let text = String(wall.description.dropLast(2)) + LocalTime.pad(second, 2)
        return text + offsetText(offset)
    }

    /// `Z` for 0, else `+02:00` or `-03:30`.
    public static func offsetText(_ offset: Int, zeroAsZ: Bool = true) -> String {
        if offset == 0, zeroAsZ { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return sign + LocalTime.pad(magnitude / 3600, 2) + ":"
            + LocalTime.pad(magnitude % 3600 / 60, 2)
    }
}
