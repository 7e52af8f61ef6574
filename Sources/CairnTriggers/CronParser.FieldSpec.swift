// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension CronParser {
    /// The rules of one field in one dialect: its name, values, names and
    /// which special characters it takes.
    struct FieldSpec: Sendable {
        var name: String
        var range: ClosedRange<Int>
        /// Upper-case three-letter names and the values they stand for.
        var names: [String: Int] = [:]
        /// How help and errors show the allowed values: `1-7 or SUN-SAT`.
        var allowedText: String
        /// `?` (EventBridge day fields).
        var allowsUnspecified = false
        /// `a/n`, a step from a single start value (EventBridge).
        var allowsStepFromValue = false
        /// `/` at all.
        var allowsStep = true
        /// `L` in the day-of-month field: the last day of the month.
        var allowsLastDay = false
        /// `nW` in the day-of-month field.
        var allowsNearestWeekday = false
        /// `L`, `nL` and `n#k` in the day-of-week field.
        var allowsWeekdaySpecials = false

        static let monthNames = [
            "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
            "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
        ]

        static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

        /// AWS EventBridge's fields, from its cron expression reference.
        static let eventBridge: [FieldSpec] = [
            FieldSpec(
                name: "minutes",
                range: 0...59,
                allowedText: "0-59",
                allowsStepFromValue: true
            ),
            FieldSpec(name: "hours", range: 0...23, allowedText: "0-23", allowsStepFromValue: true),
            FieldSpec(
                name: "day-of-month",
                range: 1...31,
                allowedText: "1-31",
                allowsUnspecified: true,
                allowsStepFromValue: true,
                allowsLastDay: true,
                allowsNearestWeekday: true
            ),
            FieldSpec(
                name: "month",
                range: 1...12,
                names: monthNames,
                allowedText: "1-12 or JAN-DEC",
                allowsStepFromValue: true
            ),
            // The reference lists `, - * ? L #` here: no `/`.
            FieldSpec(
                name: "day-of-week",
                range: 1...7,
                names: Dictionary(uniqueKeysWithValues: dayNames.enumerated().map { ($1, $0 + 1) }),
                allowedText: "1-7 or SUN-SAT",
                allowsUnspecified: true,
                allowsStep: false,
                allowsWeekdaySpecials: true
            ),
            FieldSpec(
                name: "year",
                range: 1970...2199,
                allowedText: "1970-2199",
                allowsStepFromValue: true
            ),
        ]

        /// crontab(5)'s fields.
        static let classic: [FieldSpec] = [
            FieldSpec(name: "minute", range: 0...59, allowedText: "0-59"),
            FieldSpec(name: "hour", range: 0...23, allowedText: "0-23"),
            FieldSpec(name: "day-of-month", range: 1...31, allowedText: "1-31"),
            FieldSpec(
                name: "month",
                range: 1...12,
                names: monthNames,
                allowedText: "1-12 or jan-dec"
            ),
            FieldSpec(
                name: "day-of-week",
                range: 0...7,
                names: Dictionary(uniqueKeysWithValues: dayNames.enumerated().map { ($1, $0) }),
                allowedText: "0-7 (0 and 7 are Sunday) or sun-sat"
            ),
        ]
    }
}
