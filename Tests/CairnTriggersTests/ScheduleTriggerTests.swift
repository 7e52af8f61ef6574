// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnTriggers
import Foundation
import Testing

/// Schedule triggers as a workflow file's `triggers` list declares them.
@Suite struct ScheduleTriggerTests {
    @Test func readsEveryKey() throws {
        let value: JSONValue = [
            "name": "nightly",
            "type": "schedule",
            "expression": "cron(30 2 * * ? *)",
            "timezone": "Europe/Berlin",
            "nonexistentTime": "skip",
            "repeatedTime": "both",
            "start": "2025-01-01T00:00:00Z",
            "enabled": false,
            "input": ["mode": "full"],
        ]
        let trigger = try ScheduleTrigger(value: value)
        #expect(trigger.name == "nightly")
        #expect(trigger.schedule.timeZone.identifier == "Europe/Berlin")
        #expect(trigger.schedule.nonexistentTimePolicy == .skip)
        #expect(trigger.schedule.repeatedTimePolicy == .both)
        #expect(trigger.schedule.start == ScheduleFixtures.date("2025-01-01T00:00:00Z"))
        #expect(trigger.isEnabled == false)
        #expect(trigger.input == ["mode": "full"])
        #expect(trigger.schedule.expression.description == "cron(30 2 * * ? *)")
    }

    @Test func defaultsAreUTCAfterGapFirstEnabled() throws {
        let trigger = try ScheduleTrigger(value: ["type": "schedule", "expression": "rate(1 day)"])
        #expect(trigger.schedule.timeZone.scheduleName == "UTC")
        #expect(trigger.schedule.nonexistentTimePolicy == .afterGap)
        #expect(trigger.schedule.repeatedTimePolicy == .first)
        #expect(trigger.schedule.start == nil)
        #expect(trigger.isEnabled)
        #expect(trigger.input == .object(JSONObject()))
    }

    struct InvalidCase: CustomTestStringConvertible, Sendable {
        var value: JSONValue
        var code: ScheduleError.Code
        var key: String
        var testDescription: String { value.compactText }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "timeZone": "UTC"],
            code: .invalidTrigger,
            key: "timeZone"
        ),
        InvalidCase(value: ["type": "schedule"], code: .invalidTrigger, key: "expression"),
        InvalidCase(
            value: ["type": "schedule", "expression": 5],
            code: .invalidTrigger,
            key: "expression"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 days)"],
            code: .invalidExpression,
            key: "rate unit"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "timezone": "Mars/Olympus"],
            code: .unknownTimeZone,
            key: "timezone"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "nonexistentTime": "later"],
            code: .invalidTrigger,
            key: "nonexistentTime"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "repeatedTime": "twice"],
            code: .invalidTrigger,
            key: "repeatedTime"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "start": "tomorrow"],
            code: .invalidTrigger,
            key: "start"
        ),
        InvalidCase(
            value: ["type": "schedule", "expression": "rate(1 day)", "enabled": "yes"],
            code: .invalidTrigger,
            key: "enabled"
        ),
        InvalidCase(
            value: ["type": "file", "expression": "rate(1 day)"],
            code: .invalidTrigger,
            key: "type"
        ),
    ]

    @Test(arguments: invalidCases)
    func invalidTriggerNamesTheKey(_ testCase: InvalidCase) {
        do {
            _ = try ScheduleTrigger(value: testCase.value)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == testCase.code)
            #expect(error.field == testCase.key)
        }
    }

    @Test func policyErrorsListTheChoices() {
        do {
            _ = try ScheduleTrigger(value: [
                "type": "schedule", "expression": "rate(1 day)", "nonexistentTime": "later",
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "nonexistentTime: 'later' is not one of after-gap, skip")
        }
    }

    @Test func allKeepsOnlyScheduleTriggers() throws {
        let triggers: JSONValue = [
            ["name": "drop", "type": "file", "directory": "incoming"],
            ["name": "nightly", "type": "schedule", "expression": "0 2 * * *"],
        ]
        let schedules = try ScheduleTrigger.all(in: triggers)
        #expect(schedules.map(\.name) == ["nightly"])
        #expect(try ScheduleTrigger.all(in: nil).isEmpty)
    }
}

@Suite struct TriggerDefinitionTests {
    static func workflow(triggers: JSONValue) throws -> Workflow {
        var workflow = try WorkflowLoader.decode(
            text: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#,
            file: "flow.json"
        )
        workflow.triggers = triggers
        return workflow
    }

    /// A flag written as text would otherwise read as false and silently
    /// switch archiving off.
    @Test func aFlagThatIsNotTrueOrFalseIsAProblem() throws {
        let problems = TriggerDefinition.problems(in: try Self.workflow(triggers: [
            ["name": "in", "type": "file", "directory": "in", "archive": "/tmp/archive"],
        ]))
        #expect(problems.map(\.field) == ["archive"])
        #expect(problems.map(\.message) == [#"archive is true or false, not "/tmp/archive""#])
    }

    @Test func twoTriggersWithOneNameAreAProblem() throws {
        let problems = TriggerDefinition.problems(in: try Self.workflow(triggers: [
            ["name": "t", "type": "schedule", "expression": "rate(1 hour)"],
            ["name": "t", "type": "registry"],
        ]))
        #expect(problems.map(\.index) == [1])
    }
}
