// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Testing

@Suite struct WorkflowValidFixtureTests {
    @Test func bareDefinitionDecodesEveryJSONPathField() throws {
        let workflow = try WorkflowFixtures.load("valid/bare-jsonpath.json")
        let machine = workflow.definition

        #expect(workflow.name == "bare-jsonpath")
        #expect(workflow.description == nil)
        #expect(workflow.triggers == nil)
        #expect(workflow.definitionValue["StartAt"] == "Prepare")
        #expect(machine.startAt == "Prepare")
        #expect(machine.timeoutSeconds == 3600)
        #expect(machine.version == "1.0")
        #expect(machine.comment == "Every JSONPath field")
        #expect(
            machine.stateNames == [
                "Prepare", "Train", "Gate", "Cooldown", "Fan", "Both", "Register", "Done", "Failed",
            ]
        )

        let prepare = try #require(machine.states["Prepare"])
        #expect(prepare.transition == .next("Train"))
        #expect(prepare.inputPath == .path(try JSONPath(parsing: "$.input")))
        #expect(prepare.resultPath == .path(try JSONPath(parsing: "$.prepared")))
        #expect(prepare.parameters != nil)
        guard case .template = prepare.assign else {
            Issue.record("Assign of a JSONPath state must be a template")
            return
        }
    }

    @Test func taskFieldsAndErrorHandlingDecode() throws {
        let machine = try WorkflowFixtures.load("valid/bare-jsonpath.json").definition
        let train = try #require(machine.states["Train"])
        guard case .task(let task) = train.type else {
            Issue.record("Train must be a Task, found \(train.type.name)")
            return
        }

        #expect(task.resource == "cairn:exec")
        #expect(task.timeoutSeconds == .literal(600))
        #expect(task.heartbeatSeconds == .path(try JSONPath(parsing: "$.heartbeat")))
        #expect(train.resultSelector != nil)
        #expect(train.retriers.count == 2)
        let retrier = try #require(train.retriers.first)
        #expect(retrier.errorEquals == ["States.Timeout"])
        #expect(retrier.intervalSeconds == 2)
        #expect(retrier.maxAttempts == 5)
        #expect(retrier.backoffRate == 1.5)
        #expect(retrier.maxDelaySeconds == 30)
        #expect(retrier.jitterStrategy == .full)
        #expect(train.retriers.last?.maxAttempts == 0)
        #expect(train.catchers.map(\.next) == ["Failed"])
        #expect(train.catchers.first?.resultPath == .path(try JSONPath(parsing: "$.error")))
    }

    @Test func choiceWaitMapParallelAndFailDecode() throws {
        let machine = try WorkflowFixtures.load("valid/bare-jsonpath.json").definition

        guard case .choice(let choice)? = machine.states["Gate"]?.type else {
            Issue.record("Gate must be a Choice")
            return
        }
        #expect(choice.defaultNext == "Cooldown")
        #expect(choice.choices.map(\.next) == ["Register", "Failed"])
        guard case .and(let rules) = choice.choices[0].rule, rules.count == 2,
            case .comparison(_, .numericGreaterThanEquals, .path) = rules[0],
            case .not(.comparison(_, .booleanEquals, .value(true))) = rules[1]
        else {
            Issue.record("the first rule must be And(NumericGreaterThanEqualsPath, Not(...))")
            return
        }

        guard case .wait(let wait)? = machine.states["Cooldown"]?.type else {
            Issue.record("Cooldown must be a Wait")
            return
        }
        #expect(wait.duration == .seconds(.path(try JSONPath(parsing: "$.cooldown"))))

        guard case .map(let map)? = machine.states["Fan"]?.type else {
            Issue.record("Fan must be a Map")
            return
        }
        #expect(map.mode == .inline)
        #expect(map.itemsPath == .path(try JSONPath(parsing: "$.shards")))
        #expect(map.itemSelector != nil)
        #expect(map.maxConcurrency == .literal(4))
        #expect(map.toleratedFailurePercentage == .literal(10))
        #expect(map.itemProcessor.startAt == "Score")

        guard case .parallel(let parallel)? = machine.states["Both"]?.type else {
            Issue.record("Both must be a Parallel")
            return
        }
        #expect(parallel.branches.map(\.startAt) == ["Left", "Right"])

        guard case .fail(let fail)? = machine.states["Failed"]?.type,
            case .path(.path(let errorPath))? = fail.error,
            case .literal("training failed")? = fail.cause
        else {
            Issue.record("Failed must be a Fail with ErrorPath and a literal Cause")
            return
        }
        #expect(errorPath.text == "$.error.Error")
        #expect(machine.states["Done"]?.transition == Transition.none)
    }

    @Test func wrapperFormKeepsNameDescriptionAndTriggers() throws {
        let workflow = try WorkflowFixtures.load("valid/wrapper.yaml")

        #expect(workflow.name == "model-training-pipeline")
        #expect(workflow.description == "Validate, train, evaluate and register the churn model.")
        #expect(workflow.triggers?[0]?["timezone"] == "Europe/Berlin")
        #expect(workflow.definitionValue["name"] == nil)
        #expect(workflow.definitionValue["StartAt"] == "Validate")
        #expect(workflow.file.hasSuffix("valid/wrapper.yaml"))
        #expect(workflow.definition.stateNames == ["Validate", "Evaluate", "Child"])
        guard case .task(let child)? = workflow.definition.states["Child"]?.type else {
            Issue.record("Child must be a Task")
            return
        }
        #expect(child.resource == "cairn:workflow.start.sync")
    }

    @Test func documentWithoutNameIsNamedAfterItsFile() throws {
        let workflow = try WorkflowFixtures.load("valid/unnamed.yaml")

        #expect(workflow.name == "unnamed")
        guard case .pass(let pass)? = workflow.definition.states["Hello"]?.type else {
            Issue.record("Hello must be a Pass")
            return
        }
        #expect(pass.result == "world")
    }

    @Test func jsonataStatesKeepTheirExpressions() throws {
        let machine = try WorkflowFixtures.load("valid/jsonata.json").definition

        #expect(machine.queryLanguage == .jsonata)
        let ask = try #require(machine.states["Ask"])
        #expect(ask.queryLanguage == .jsonata)
        #expect(ask.arguments?["prompt"] == "{% 'Summarise ' & $states.input.topic %}")
        #expect(ask.output == "{% $states.result %}")
        #expect(ask.catchers.first?.output == ["failed": true])
        guard case .task(let task) = ask.type, case .jsonata? = ask.assign else {
            Issue.record("Ask must be a Task with a JSONata Assign")
            return
        }
        #expect(task.timeoutSeconds == .jsonata("{% $states.input.timeout %}"))

        guard case .choice(let choice)? = machine.states["Decide"]?.type,
            case .condition("{% $answer = 'yes' %}") = choice.choices.first?.rule
        else {
            Issue.record("Decide must be a Choice with a Condition")
            return
        }
        #expect(choice.choices.first?.output == 1)

        guard case .map(let map)? = machine.states["Each"]?.type,
            case .wait(let wait)? = machine.states["Sleep"]?.type,
            case .fail(let fail)? = machine.states["Stop"]?.type
        else {
            Issue.record("Each, Sleep and Stop must be a Map, a Wait and a Fail")
            return
        }
        #expect(map.items == "{% $states.input.items %}")
        #expect(map.itemSelectorJSONata?["item"] == "{% $states.context.Map.Item.Value %}")
        #expect(wait.duration == .seconds(.jsonata("{% 1 + 1 %}")))
        guard case .jsonata("{% $answer %}")? = fail.cause else {
            Issue.record("Stop's Cause must be a JSONata expression")
            return
        }
    }
}
