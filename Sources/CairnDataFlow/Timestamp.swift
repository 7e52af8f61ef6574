// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// An instant in time as the States Language writes it: an ISO 8601 extended
/// offset date-time string such as `2016-03-14T01:59:00Z`.
///
/// Choice rules (`TimestampEquals`, `IsTimestamp`, ...) and the Wait state's
/// `Timestamp`/`TimestampPath` read timestamps with ``init(parsing:)``. Only
/// the instant is kept: `2012-10-09T20:00:55+01:00` and `2012-10-09T19:00:55Z`
/// are the same timestamp. Precision is one nanosecond.
///
/// ```swift
/// let deadline = Timestamp(parsing: "2016-03-14T01:59:00.5+01:00")
/// deadline?.description             // "2016-03-14T00:59:00.500Z"
/// deadline?.millisecondsSinceEpoch  // 1457917140500
/// ```
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z; negative before it.
    public let secondsSinceEpoch: Int64
    /// The fraction of the second, in nanoseconds, always in `0..<1_000_000_000`.
    public let nanoseconds: Int

    /// Makes a timestamp from seconds since the Unix epoch and a fraction.
    ///
    /// `nanoseconds` outside `0..<1_000_000_000` carries into the seconds, so
    /// `Timestamp(secondsSinceEpoch: 10, nanoseconds: -1)` is 9.999999999 s.
    public init(secondsSinceEpoch: Int64, nanoseconds: Int = 0) {
        let carry = Int64(CivilDate.floorDivide(nanoseconds, 1_000_000_000))
        self.secondsSinceEpoch = secondsSinceEpoch + carry
        self.nanoseconds = CivilDate.floorModulo(nanoseconds, 1_000_000_000)
    }

    /// Makes a timestamp from milliseconds since the Unix epoch, the unit of
    /// AWS history event times.
    public init(millisecondsSinceEpoch: Int64) {
        self.init(
            secondsSinceEpoch: CivilDate.floorDivide(millisecondsSinceEpoch, 1000),
            nanoseconds: Int(CivilDate.floorModulo(millisecondsSinceEpoch, 1000)) * 1_000_000
        )
    }

    /// Reads a timestamp the way Step Functions accepts one, or returns `nil`.
    ///
    /// Accepted: `yyyy-MM-ddTHH:mm[:ss[.fraction]]` followed by `Z` or a
    /// numeric offset `±HH:MM[:SS]` of at most 18 hours. The fraction has 1 to
    /// 9 digits. `T` and `Z` may be lower case. Dates and times must exist
    /// (`2016-02-30`, `25:00` and leap second `:60` are rejected). A missing
    /// offset (`2016-03-14T01:59:00`), a space instead of `T`, or a date alone
    /// are not timestamps.
    public init?(parsing text: String) {
        guard let parsed = TimestampParser.parse(text) else { return nil }
        self = parsed
    }

    /// The instant in whole milliseconds since the Unix epoch, rounded down.
    public var millisecondsSinceEpoch: Int64 {
        secondsSinceEpoch * 1000 + Int64(nanoseconds / 1_000_000)
    }

    /// The same instant with the fraction of a second dropped.
    ///
    /// A Wait state's `Timestamp` is honoured to the second: Step Functions
    /// ignores the milliseconds.
    public var truncatedToSeconds: Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch)
    }

    /// The timestamp in UTC with millisecond precision, as Step Functions
    /// prints times in the context object: `2019-03-26T20:14:13.192Z`.
    public var description: String { formatted(fractionalDigits: 3) }

    /// The timestamp in UTC as `yyyy-MM-ddTHH:mm:ss[.fraction]Z`.
    ///
    /// - Parameter fractionalDigits: How many digits of the second's fraction
    ///   to print, from 0 (none, and no `.`) to 9; extra precision is dropped,
    ///   not rounded.
    public func formatted(fractionalDigits: Int) -> String {
        precondition((0...9).contains(fractionalDigits), "fractionalDigits must be 0...9")
        let days = CivilDate.floorDivide(secondsSinceEpoch, 86_400)
        let secondOfDay = Int(CivilDate.floorModulo(secondsSinceEpoch, 86_400))
        let date = CivilDate(daysSinceEpoch: days)
        var text = Self.digits(date.year, width: 4) + "-" + Self.digits(date.month, width: 2)
        text += "-" + Self.digits(date.day, width: 2) + "T"
        text += Self.digits(secondOfDay / 3600, width: 2) + ":"
        text += Self.digits(secondOfDay / 60 % 60, width: 2) + ":"
        text += Self.digits(secondOfDay % 60, width: 2)
        if fractionalDigits > 0 {
            let nanos = Self.digits(nanoseconds, width: 9)
            text += "." + nanos.prefix(fractionalDigits)
        }
        return text + "Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.secondsSinceEpoch, lhs.nanoseconds) < (rhs.secondsSinceEpoch, rhs.nanoseconds)
    }

    private static func digits(_ value: some BinaryInteger, width: Int) -> String {
        let magnitude = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - magnitude.count)) + magnitude
        return value < 0 ? "-" + padded : padded
    }
}
