// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnDataFlow
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2016-03-14T01:59:00Z", 1_457_920_740, 0),
        ("1970-01-01T00:00:00Z", 0, 0),
        ("2012-10-09T19:00:55Z", 1_349_809_255, 0),
        ("2016-02-29T12:00:00Z", 1_456_747_200, 0),
        ("2000-03-01T00:00:00Z", 951_868_800, 0),
        ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("9999-12-31T23:59:59Z", 253_402_300_799, 0),
        ("2016-03-05T21:29:29.243167252Z", 1_457_213_369, 243_167_252),
        ("2016-03-14T01:59:00.5Z", 1_457_920_740, 500_000_000),
        ("2016-03-14T02:59:00+01:00", 1_457_920_740, 0),
        ("2016-03-13T20:29:00-05:30", 1_457_920_740, 0),
        ("2016-03-14T02:59:30+01:00:30", 1_457_920_740, 0),
        ("2016-03-14T19:59:00+18:00", 1_457_920_740, 0),
        ("2016-03-14T01:59Z", 1_457_920_740, 0),
        ("2016-03-14t01:59:00z", 1_457_920_740, 0),
        ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
    ])
    func parsesWhatStepFunctionsAccepts(text: String, seconds: Int64, nanoseconds: Int) throws {
        let timestamp = try #require(Timestamp(parsing: text))
        #expect(timestamp.secondsSinceEpoch == seconds)
        #expect(timestamp.nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        "2016-12-05T21:29:29",
        "2016-12-05 21:29:29Z",
        "05-12-2016T21:29:29Z",
        "2016-13-05T21:29:29Z",
        "2016-12-05T25:29:29Z",
        "2016-02-30T00:00:00Z",
        "2015-02-29T00:00:00Z",
        "2016-03-14T01:59:60Z",
        "2016-03-14T01:60:00Z",
        "2016-3-14T01:59:00Z",
        "2016-03-14T1:59:00Z",
        "2016-03-14T01:59:00.Z",
        "2016-03-14T01:59:00.1234567890Z",
        "2016-03-14T01:59:00+19:00",
        "2016-03-14T01:59:00+0100",
        "2016-03-14T01:59:00+01",
        "2016-03-14T01:59:00 Z",
        " 2016-03-14T01:59:00Z",
        "2016-03-14T01:59:00Z ",
        "2016-03-14",
        "2023-02-24 12:15:56.832957",
        "2016-03-14T01",
        "",
        "HelloWorld",
        "２０１６-03-14T01:59:00Z",
    ])
    func rejectsWhatStepFunctionsRejects(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func offsetsDoNotChangeTheInstant() throws {
        let utc = try #require(Timestamp(parsing: "2012-10-09T19:00:55Z"))
        let paris = try #require(Timestamp(parsing: "2012-10-09T21:00:55+02:00"))
        #expect(utc == paris)
        #expect(paris.description == "2012-10-09T19:00:55.000Z")
    }

    @Test func ordersByInstantDownToTheNanosecond() throws {
        let earlier = try #require(Timestamp(parsing: "2012-10-09T19:00:55.999999999Z"))
        let later = try #require(Timestamp(parsing: "2012-10-09T19:00:56Z"))
        #expect(earlier < later)
        #expect(!(later < earlier))
    }

    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),
        (1_457_920_740_500, "2016-03-14T01:59:00Z", "2016-03-14T01:59:00.500Z"),
        (-500, "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.500Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999Z"),
    ])
    func formatsInUTCAsStepFunctionsPrintsTimes(
        milliseconds: Int64,
        whole: String,
        withMilliseconds: String
    ) {
        let timestamp = Timestamp(millisecondsSinceEpoch: milliseconds)
        #expect(timestamp.millisecondsSinceEpoch == milliseconds)
        #expect(timestamp.formatted(fractionalDigits: 0) == whole)
        #expect(timestamp.description == withMilliseconds)
    }

    @Test func formatsNanosecondsWithoutRounding() throws {
        let timestamp = try #require(Timestamp(parsing: "2016-03-05T21:29:29.243167252Z"))
        #expect(timestamp.formatted(fractionalDigits: 9) == "2016-03-05T21:29:29.243167252Z")
        #expect(timestamp.formatted(fractionalDigits: 2) == "2016-03-05T21:29:29.24Z")
        #expect(timestamp.truncatedToSeconds.description == "2016-03-05T21:29:29.000Z")
    }

    @Test func formattingAndParsingRoundTripAcrossCenturies() throws {
        // Steps of a prime number of seconds visit every day, month and leap rule.
        var seconds: Int64 = -62_135_596_800
        while seconds < 253_402_300_799 {
            let timestamp = Timestamp(secondsSinceEpoch: seconds, nanoseconds: 123_456_789)
            let text = timestamp.formatted(fractionalDigits: 9)
            #expect(Timestamp(parsing: text) == timestamp, "\(text)")
            seconds += 7_777_777
        }
    }

    @Test func nanosecondsCarryIntoSeconds() {
        let timestamp = Timestamp(secondsSinceEpoch: 10, nanoseconds: -1)
        #expect(timestamp.secondsSinceEpoch == 9)
        #expect(timestamp.nanoseconds == 999_999_999)
    }
}
