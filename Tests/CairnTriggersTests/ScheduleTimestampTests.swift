// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Foundation
import Testing

/// RFC 3339 reading and writing, and IANA zone names.
@Suite struct ScheduleTimestampTests {
    @Test(arguments: [
        ("2025-03-30T00:00:00Z", 1_743_292_800.0),
        ("2025-03-30t00:00:00z", 1_743_292_800.0),
        ("2025-03-30 02:00:00+02:00", 1_743_292_800.0),
        ("2025-03-29T19:30:00-04:30", 1_743_292_800.0),
        ("2025-03-30T00:00:00.250Z", 1_743_292_800.25),
        ("2024-02-29T12:00:00Z", 1_709_208_000.0),
    ])
    func parsesRFC3339(_ text: String, _ seconds: Double) {
        #expect(ScheduleTimestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2025-03-30", "2025-03-30T00:00:00", "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z",
        "2025-03-30T24:00:00Z", "2025-03-30T00:00:00+0200", "2025-03-30T00:00:00.Z", "now",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(ScheduleTimestamp.parse(text) == nil)
    }

    @Test func formatsLocalAndUTC() {
        let instant = ScheduleFixtures.date("2025-03-30T01:00:00Z")
        #expect(ScheduleTimestamp.utc(instant) == "2025-03-30T01:00:00Z")
        #expect(
            ScheduleTimestamp.local(instant, utcOffsetSeconds: 7200) == "2025-03-30T03:00:00+02:00"
        )
        #expect(
            ScheduleTimestamp.local(instant, utcOffsetSeconds: -16_200)
                == "2025-03-29T20:30:00-04:30"
        )
        #expect(ScheduleTimestamp.offsetText(0, zeroAsZ: false) == "+00:00")
    }

    @Test(arguments: [
        "UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
    ])
    func knowsIANANames(_ name: String) throws {
        #expect(try TimeZone.schedule(named: name).scheduleName == name)
    }

    @Test(arguments: ["Mars/Olympus", "europe/berlin", "GMT+2", "", "CEST"])
    func refusesOtherZoneNames(_ name: String) {
        #expect(throws: ScheduleError.self) { try TimeZone.schedule(named: name) }
    }
}
