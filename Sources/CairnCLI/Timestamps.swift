// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Foundation

/// Times as Cairn prints them in JSON: ISO 8601 in UTC with milliseconds.
enum Timestamps {
    static func iso(milliseconds: Int64) -> String {
        ISOTimestamp.string(milliseconds: milliseconds)
    }

    static func iso(_ date: Date) -> String {
        iso(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
