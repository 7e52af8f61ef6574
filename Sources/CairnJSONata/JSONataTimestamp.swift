// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// ISO 8601 text for milliseconds since the epoch, and back, in UTC and
/// without Foundation's calendars, so results never depend on the locale.
enum JSONataTimestamp {
    /// `2024-11-15T16:16:35.123Z`, as JavaScript's `toISOString` writes it.
    static func iso(_ milliseconds: Int64) -> String {
        let days = floorDivide(milliseconds, 86_400_000)
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let yearText =
            (0...9999).contains(year)
            ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(abs(year), 6)
        return yearText + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(Int(inDay / 3_600_000), 2) + ":" + pad(Int(inDay / 60_000 % 60), 2) + ":"
            + pad(Int(inDay / 1000 % 60), 2) + "." + pad(Int(inDay % 1000), 3) + "Z"
    }

    /// Milliseconds for an ISO 8601 date or date-time; a time without an
    /// offset is read as UTC.
    static func parse(_ text: String) -> Int64? {
        var scanner = Array(text)[...]
        guard let year = number(&scanner, digits: 4) else { return nil }
        var month = 1
        var day = 1
        if scanner.first == "-" {
            scanner.removeFirst()
            guard let value = number(&scanner, digits: 2) else { return nil }
            month = value
            if scanner.first == "-" {
                scanner.removeFirst()
                guard let value = number(&scanner, digits: 2) else { return nil }
                day = value
            }
        }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var milliseconds = days(year: year, month: month, day: day) * 86_400_000
        guard !scanner.isEmpty else { return milliseconds }
        guard scanner.first == "T" || scanner.first == " " else { return nil }
        scanner.removeFirst()
        guard let time = parseTime(&scanner) else { return nil }
        milliseconds += time
        return scanner.isEmpty ? milliseconds : nil
    }

    /// `HH:MM[:SS[.fff]]` and an optional zone; consumes what it reads.
    private static func parseTime(_ scanner: inout ArraySlice<Character>) -> Int64? {
        guard let hour = number(&scanner, digits: 2), scanner.popFirst() == ":",
            let minute = number(&scanner, digits: 2), hour < 24, minute < 60
        else { return nil }
        var total = Int64(hour * 3600 + minute * 60) * 1000
        if scanner.first == ":" {
            scanner.removeFirst()
            guard let second = number(&scanner, digits: 2), second < 60 else { return nil }
            total += Int64(second) * 1000
            if scanner.first == "." {
                scanner.removeFirst()
                var fraction = ""
                while let digit = scanner.first, digit.isNumber {
                    fraction.append(digit)
                    scanner.removeFirst()
                }
                guard !fraction.isEmpty else { return nil }
                total += Int64((fraction + "00").prefix(3)) ?? 0
            }
        }
        switch scanner.first {
        case "Z":
            scanner.removeFirst()
        case "+", "-":
            let sign: Int64 = scanner.removeFirst() == "+" ? 1 : -1
            guard let hours = number(&scanner, digits: 2) else { return nil }
            if scanner.first == ":" { scanner.removeFirst() }
            guard let minutes = number(&scanner, digits: 2) else { return nil }
            total -= sign * Int64(hours * 60 + minutes) * 60_000
        default:
            break
        }
        return total
    }

    private static func number(_ scanner: inout ArraySlice<Character>, digits: Int) -> Int? {
        guard scanner.count >= digits else { return nil }
        let text = String(scanner.prefix(digits))
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            return nil
        }
        scanner.removeFirst(digits)
        return value
    }

    // MARK: - Civil calendar

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
