// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTriggers
import Foundation
import Testing

/// Invalid expressions name the field at fault, what is wrong and where.
@Suite struct CronParsingErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var expression: String
        var field: String?
        var offset: Int?
        var message: String
        var testDescription: String { expression }
    }

    static let cases: [Case] = [
        Case(
            expression: "cron(0 9 ? * 8 *)",
            field: "day-of-week",
            offset: 13,
            message: "8 is outside 1-7 or SUN-SAT"
        ),
        Case(
            expression: "cron(60 * * * ? *)",
            field: "minutes",
            offset: 5,
            message: "60 is outside 0-59"
        ),
        Case(
            expression: "cron(0 24 * * ? *)",
            field: "hours",
            offset: 7,
            message: "24 is outside 0-23"
        ),
        Case(
            expression: "cron(0 0 0 * ? *)",
            field: "day-of-month",
            offset: 9,
            message: "0 is outside 1-31"
        ),
        Case(
            expression: "cron(0 0 1 13 ? *)",
            field: "month",
            offset: 11,
            message: "13 is outside 1-12 or JAN-DEC"
        ),
        Case(
            expression: "cron(0 9 * FOO ? *)",
            field: "month",
            offset: 11,
            message: "'FOO' is not a value of this field (1-12 or JAN-DEC)"
        ),
        Case(
            expression: "cron(0 9 * * ? 2200)",
            field: "year",
            offset: 15,
            message: "2200 is outside 1970-2199"
        ),
        Case(
            expression: "cron(0 9 * * ? 1969)",
            field: "year",
            offset: 15,
            message: "1969 is outside 1970-2199"
        ),
        Case(
            expression: "cron(0 9 * * MON *)",
            field: "day-of-week",
            offset: 13,
            message:
                "one of day-of-month and day-of-week must be '?'; EventBridge does not combine them"
        ),
        Case(
            expression: "cron(0 9 ? * ? *)",
            field: "day-of-week",
            offset: 13,
            message: "day-of-month and day-of-week cannot both be '?'"
        ),
        Case(
            expression: "cron(0 9 * * ?)",
            field: nil,
            offset: 5,
            message: "cron(...) takes 6 fields "
                + "(minutes hours day-of-month month day-of-week year), found 5"
        ),
        Case(
            expression: "cron(0 9 ? * MON/2 *)",
            field: "day-of-week",
            offset: 16,
            message: "'/' is not allowed in the day-of-week field"
        ),
        Case(
            expression: "cron(0 9 ? * 2#6 *)",
            field: "day-of-week",
            offset: 15,
            message: "'#' takes a week of the month from 1 to 5"
        ),
        Case(
            expression: "cron(0 9 LW * ? *)",
            field: "day-of-month",
            offset: 9,
            message: "'LW' is not a documented form; use 'L' alone or 'nW'"
        ),
        Case(
            expression: "cron(0 22-2 * * ? *)",
            field: "hours",
            offset: 7,
            message: "range 22-2 runs backwards; write it from low to high"
        ),
        Case(
            expression: "cron(0/0 * * * ? *)",
            field: "minutes",
            offset: 7,
            message: "a step must be a whole number from 1 to 60"
        ),
        Case(
            expression: "cron(0,,5 * * * ? *)",
            field: "minutes",
            offset: 7,
            message: "empty list item: remove the extra ','"
        ),
        Case(
            expression: "cron(0 9 * * ? *) x",
            field: nil,
            offset: 18,
            message: "unexpected text after ')'"
        ),
        Case(
            expression: "cron(0 9 ?,1 * * *)",
            field: "day-of-month",
            offset: 9,
            message: "'?' must be the whole field, not part of a list"
        ),
        Case(
            expression: "0 9 * * 8",
            field: "day-of-week",
            offset: 8,
            message: "8 is outside 0-7 (0 and 7 are Sunday) or sun-sat"
        ),
        Case(
            expression: "5/10 * * * *",
            field: "minute",
            offset: 1,
            message: "a step follows a range or '*' (write 5-59/n)"
        ),
        Case(
            expression: "0 9 ? * *",
            field: "day-of-month",
            offset: 4,
            message: "'?' is not allowed in the day-of-month field"
        ),
        Case(
            expression: "0 9 L * *",
            field: "day-of-month",
            offset: 4,
            message: "'L' is not a value of this field (1-31)"
        ),
        Case(
            expression: "0 9 * * * *",
            field: nil,
            offset: 10,
            message: "classic cron takes 5 fields (minute hour day-of-month month day-of-week), "
                + "found 6; an EventBridge expression goes inside cron(...)"
        ),
        Case(
            expression: "@reboot",
            field: nil,
            offset: 0,
            message: "@reboot is not a time of day; '@reboot' is not one of @annually, @daily, "
                + "@hourly, @midnight, @monthly, @weekly, @yearly"
        ),
        Case(
            expression: "rate(1 minutes)",
            field: "rate unit",
            offset: 7,
            message: "a value of 1 takes the singular unit 'minute'"
        ),
        Case(
            expression: "rate(5 hour)",
            field: "rate unit",
            offset: 7,
            message: "a value other than 1 takes the plural unit 'hours'"
        ),
        Case(
            expression: "rate(0 minutes)",
            field: "rate value",
            offset: 5,
            message: "'0' is not a positive whole number"
        ),
        Case(
            expression: "rate(-5 minutes)",
            field: "rate value",
            offset: 5,
            message: "'-5' is not a positive whole number"
        ),
        Case(
            expression: "rate(5 weeks)",
            field: "rate unit",
            offset: 7,
            message: "'weeks' is not minute(s), hour(s) or day(s)"
        ),
        Case(
            expression: "rate(5)",
            field: "rate",
            offset: 5,
            message: "expected two words inside rate(...), a value and a unit, found 1"
        ),
        Case(
            expression: "  ",
            field: nil,
            offset: nil,
            message: "the expression is empty; write rate(...), cron(...) or five cron fields"
        ),
    ]

    @Test(arguments: cases)
    func invalidExpressionNamesTheFieldAndOffset(_ testCase: Case) {
        #expect(throws: ScheduleError.self) {
            try ScheduleExpression(parsing: testCase.expression)
        }
        do {
            _ = try ScheduleExpression(parsing: testCase.expression)
        } catch {
            #expect(error.code == .invalidExpression)
            #expect(error.field == testCase.field)
            #expect(error.offset == testCase.offset)
            #expect(error.message == testCase.message)
        }
    }

    @Test func detailedDescriptionDrawsACaretUnderTheFault() {
        do {
            _ = try ScheduleExpression(parsing: "cron(0 9 ? * 8 *)")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.detailedDescription() == """
                    day-of-week: 8 is outside 1-7 or SUN-SAT
                      cron(0 9 ? * 8 *)
                                   ^
                    """
            )
            #expect(error.description == "day-of-week: 8 is outside 1-7 or SUN-SAT (at offset 13)")
        }
    }

    @Test(arguments: [
        "cron(0 10 * * ? *)", "cron(0/15 * * * ? *)", "cron(0 9 ? * 2#1 *)", "cron(0 0 L * ? *)",
        "cron(0 0 15W * ? *)", "cron(0 0 ? * 6L *)", "cron(0 0 ? * FRIL *)", "cron(*/5 * * * ? *)",
        "cron(0 0 1,L * ? 2025-2030,2040)", "rate(1 minute)", "rate(2 minutes)", "rate(1 hour)",
        "rate(12 hours)", "rate(1 day)", "rate(7 days)", "*/5 * * * *", "0 0 1-7 * mon",
        "@hourly", "  0 0 * * *  ",
    ])
    func validExpressionParses(_ text: String) throws {
        let expression = try ScheduleExpression(parsing: text)
        #expect(expression.description == text.trimmingCharacters(in: .whitespaces))
    }
}
