// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Reads the ISO 8601 extended offset date-time strings that Step Functions
/// accepts as timestamps.
///
/// AWS's own errors name the format it parses ("ISO-8601 extended offset
/// date-time format"), which is the grammar of Java's
/// `DateTimeFormatter.ISO_OFFSET_DATE_TIME`; this parser follows that grammar
/// for four-digit years:
///
/// ```
/// date-time = yyyy "-" MM "-" dd ("T" / "t") HH ":" mm [":" ss ["." 1*9DIGIT]] offset
/// offset    = "Z" / "z" / ("+" / "-") HH ":" MM [":" SS]
/// ```
///
/// Fields have exactly the digits shown, and each must exist on the
/// calendar: no month 13, no February 30, no hour 24, no second 60, no
/// offset beyond 18 hours.
struct TimestampParser {
    private let bytes: [UInt8]
    private var offset = 0

    static func parse(_ text: String) -> Timestamp? {
        var parser = TimestampParser(bytes: Array(text.utf8))
        return parser.parseDocument()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseDocument() -> Timestamp? {
        guard let date = parseDate(),
            expect("T") || expect("t"),
            let secondOfDay = parseTimeOfDay(),
            let nanoseconds = parseFraction(),
            let offsetSeconds = parseOffset(),
            offset == bytes.count
        else { return nil }

        let seconds = date.daysSinceEpoch * 86_400 + Int64(secondOfDay - offsetSeconds)
        return Timestamp(secondsSinceEpoch: seconds, nanoseconds: nanoseconds)
    }

    // MARK: - Fields

    private mutating func parseDate() -> Timestamp.CivilDate? {
        guard let year = number(digits: 4), expect("-"),
            let month = number(digits: 2), (1...12).contains(month), expect("-"),
            let day = number(digits: 2)
        else { return nil }
        let days = Timestamp.CivilDate.daysInMonth(month, year: Int64(year))
        guard (1...days).contains(day) else { return nil }
        return Timestamp.CivilDate(year: Int64(year), month: month, day: day)
    }

    /// `HH:mm[:ss]` as seconds since midnight.
    private mutating func parseTimeOfDay() -> Int? {
        guard let hour = number(digits: 2), hour < 24, expect(":"),
            let minute = number(digits: 2), minute < 60
        else { return nil }
        var second = 0
        if expect(":") {
            guard let value = number(digits: 2), value < 60 else { return nil }
            second = value
        }
        return hour * 3600 + minute * 60 + second
    }

    /// The optional `.fraction` of a second, as nanoseconds.
    private mutating func parseFraction() -> Int? {
        guard expect(".") else { return 0 }
        var nanoseconds = 0
        var count = 0
        while count < 9, let digit = peekDigit() {
            nanoseconds = nanoseconds * 10 + digit
            count += 1
            offset += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<9 { nanoseconds *= 10 }
        return nanoseconds
    }

    /// `Z` or `±HH:MM[:SS]`, as seconds east of UTC.
    private mutating func parseOffset() -> Int? {
        if expect("Z") || expect("z") { return 0 }
        let sign: Int
        if expect("+") {
            sign = 1
        } else if expect("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2), expect(":"),
            let minutes = number(digits: 2), minutes < 60
        else { return nil }
        var seconds = 0
        if expect(":") {
            guard let value = number(digits: 2), value < 60 else { return nil }
            seconds = value
        }
        let total = hours * 3600 + minutes * 60 + seconds
        return total <= 18 * 3600 ? sign * total : nil
    }

    // MARK: - Characters

    private mutating func expect(_ character: Unicode.Scalar) -> Bool {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else { return false }
        offset += 1
        return true
    }

    private func peekDigit() -> Int? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        return Int(byte - UInt8(ascii: "0"))
    }

    /// Exactly `digits` ASCII digits as a number.
    private mutating func number(digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let digit = peekDigit() else { return nil }
            value = value * 10 + digit
            offset += 1
        }
        return value
    }
}
