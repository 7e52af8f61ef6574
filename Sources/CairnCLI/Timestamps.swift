// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Times as Cairn prints them in JSON: ISO 8601 in UTC with milliseconds.
enum Timestamps {
    static func iso(milliseconds: Int64) -> String {
        iso(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func iso(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true)
                .timeZone(separator: .omitted)
        )
    }
}
