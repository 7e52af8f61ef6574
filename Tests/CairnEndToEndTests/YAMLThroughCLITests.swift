// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Testing

/// YAML as DESIGN.md reads it (the 1.2 core schema, duplicate keys refused),
/// seen through `cairn run` and `cairn validate`.
@Suite struct YAMLThroughCLITests {
    @Test func yamlOneOneBooleansStayStringsAsStateNamesAndValues() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "norway.yaml",
            """
            StartAt: on
            States:
              on:
                Type: Pass
                Result:
                  answer: yes
                  off: no
                  country: NO
                  y: Y
                  nothing: ~
                  octal: 0o17
                  bools: [true, false, True]
                ResultPath: $.result
                Next: yes
              yes:
                Type: Pass
                Parameters:
                  from.$: $$.State.Name
                  result.$: $.result
                End: true

            """
        )

        let run = try await workspace.cairn(
            "run", "norway.yaml", "--json", "-q", "--db", ":memory:"
        )

        #expect(run.status == 0, "\(run.standardError)")
        let result = try run.outputJSON()
        #expect(
            result["output"] == (try JSONValue(parsing: """
                {"from": "yes", "result": {"answer": "yes", "off": "no", "country": "NO",
                 "y": "Y", "nothing": null, "octal": 15, "bools": [true, false, true]}}
                """))
        )
    }

    @Test func duplicateKeyIsAnErrorWithLineAndColumn() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "twice.yaml",
            """
            StartAt: A
            States:
              A:
                Type: Pass
                End: true
                Type: Succeed

            """
        )
        let expected = """
            twice.yaml:6:5: duplicate key 'Type'; it is first set on line 4
                Type: Succeed
                ^

            """

        let validate = try await workspace.cairn("validate", "twice.yaml")
        let run = try await workspace.cairn("run", "twice.yaml", "--db", ":memory:")

        #expect(validate.status == 1)
        #expect(validate.standardOutput == expected)
        #expect(run.status == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError == expected)
    }

    @Test func duplicateKeyInJSONIsAnErrorToo() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "twice.json",
            """
            {
              "StartAt": "A",
              "States": {
                "A": {"Type": "Pass", "End": true, "Type": "Succeed"}
              }
            }

            """
        )

        let validate = try await workspace.cairn("validate", "twice.json")

        #expect(validate.status == 1)
        #expect(validate.standardOutput.hasPrefix("twice.json:4:40: duplicate key 'Type'"))
    }

    @Test func yamlSyntaxErrorNamesTheLineAndColumn() async throws {
        let workspace = try Workspace()
        try workspace.write(
            "indent.yaml",
            """
            StartAt: A
            States:
              A:
                Type: Pass
               End: true

            """
        )

        let validate = try await workspace.cairn("validate", "indent.yaml")

        #expect(validate.status == 1)
        #expect(validate.standardOutput.hasPrefix("indent.yaml:5:4: "))
    }
}
