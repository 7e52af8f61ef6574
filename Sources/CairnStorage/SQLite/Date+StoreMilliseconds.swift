// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

extension Date {
    /// Milliseconds since 1970-01-01T00:00:00Z, the form every time column holds.
    ///
    /// Rounded to the nearest millisecond rather than truncated, because a `Date` built
    /// from whole milliseconds can sit a hair below them in binary floating point.
    var storeMilliseconds: Int64 {
        Int64((self.timeIntervalSince1970 * 1_000).rounded())
    }

    /// The time a time column holds.
    init(storeMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1_000)
    }
}
