// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// What a run leaves in the database, and where the database is.
@Suite struct DurabilityTests {
    static let workflow = """
        StartAt: Prepare
        States:
          Prepare:
            Type: Pass
            Result: {"rows": 3}
            ResultPath: $.prepared
            Next: Work
          Work:
            Type: Task
            Resource: cairn:exec
            Parameters:
              Command:
                - python3
                - -c
                - "import json, sys; print(json.dumps(json.load(sys.stdin)['prepared']))"
            ResultPath: $.work
            Next: Done
          Done:
            Type: Succeed

        """

    /// Reads the database with Python's own sqlite3 module: the integrity
    /// check, the journal mode and every history event in order.
    static let inspector = """
        import datetime, json, sqlite3, sys
        def iso(milliseconds):
            moment = datetime.datetime.fromtimestamp(milliseconds // 1000, datetime.timezone.utc)
            return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (milliseconds % 1000)
        db = sqlite3.connect(sys.argv[1])
        events = []
        for row in db.execute("SELECT event_id, previous_event_id, timestamp, type, details "
                              "FROM history_events WHERE execution_id = ? ORDER BY event_id",
                              (sys.argv[2],)):
            events.append({"id": row[0], "previousEventId": row[1], "timestamp": iso(row[2]),
                           "type": row[3], "details": row[4]})
        started, stopped = db.execute("SELECT started_at, stopped_at FROM executions "
                                      "WHERE id = ?", (sys.argv[2],)).fetchone()
        print(json.dumps({
            "integrity": [row[0] for row in db.execute("PRAGMA integrity_check")],
            "journalMode": db.execute("PRAGMA journal_mode").fetchone()[0],
            "startedAt": iso(started),
            "stoppedAt": iso(stopped),
            "events": events,
        }))

        """

    @Test func databasePassesIntegrityCheckAndHoldsThePrintedHistory() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)

        let run = try await workspace.cairn(
            "run", "work.yaml", "--input", #"{"n": 1}"#, "--json", "-q", "--db", "state/run.db"
        )
        #expect(run.status == 0, "\(run.standardError)")
        let result = try run.outputJSON()
        let id = try #require(result["executionId"]?.stringValue)
        let printed = try await workspace.cairn(
            "execution", "history", id, "--json", "--db", "state/run.db"
        )
        let inspected = try await workspace.python(
            Self.inspector,
            workspace.path("state/run.db"),
            id
        )

        #expect(inspected.status == 0, "\(inspected.standardError)")
        let stored = try inspected.outputJSON()
        #expect(stored["integrity"] == ["ok"])
        #expect(stored["journalMode"] == "wal")
        let events = try Self.storedEvents(stored)
        #expect(printed.status == 0)
        let printedEvents = try printed.outputJSON().arrayValue ?? []
        #expect(printedEvents.count == events.count)
        #expect(
            printedEvents.map(Self.withoutTimestamp) == events.map(Self.withoutTimestamp),
            "ids, types and details as stored"
        )
        #expect(events.map { $0["type"]?.stringValue ?? "" } == [
            "ExecutionStarted",
            "PassStateEntered", "PassStateExited",
            "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
            "TaskStateExited",
            "SucceedStateEntered", "SucceedStateExited",
            "ExecutionSucceeded",
        ])
    }

    @Test func printedTimesAreTheStoredMilliseconds() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)
        var mismatches: [String] = []

        // Half of all millisecond values showed the bug, so a few runs find it.
        for _ in 1...3 {
            let run = try await workspace.cairn("run", "work.yaml", "--json", "-q")
            let result = try run.outputJSON()
            let id = try #require(result["executionId"]?.stringValue)
            let history = try await workspace.cairn("execution", "history", id, "--json")
            let inspected = try await workspace.python(
                Self.inspector,
                workspace.path(".cairn/cairn.db"),
                id
            )
            let stored = try inspected.outputJSON()
            for key in ["startedAt", "stoppedAt"] where result[key] != stored[key] {
                mismatches.append("run --json \(key): printed \(result[key] ?? .null), "
                    + "stored \(stored[key] ?? .null)")
            }
            let printedEvents = try history.outputJSON().arrayValue ?? []
            for (printed, stored) in zip(printedEvents, try Self.storedEvents(stored))
            where printed["timestamp"] != stored["timestamp"] {
                mismatches.append("event \(printed["id"] ?? .null): printed "
                    + "\(printed["timestamp"] ?? .null), stored \(stored["timestamp"] ?? .null)")
            }
        }

        #expect(mismatches == [])
    }

    /// The inspector's events with their details parsed.
    private static func storedEvents(_ stored: JSONValue) throws -> [JSONValue] {
        try (stored["events"]?.arrayValue ?? []).map { event in
            var event = event
            event["details"] = try JSONValue(parsing: event["details"]?.stringValue ?? "")
            return event
        }
    }

    private static func withoutTimestamp(_ event: JSONValue) -> JSONValue {
        var event = event
        event["timestamp"] = .null
        return event
    }

    @Test func historyTableShowsEventsInOrder() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)
        let run = try await workspace.cairn("run", "work.yaml", "--json", "-q")
        let id = try #require(try run.outputJSON()["executionId"]?.stringValue)

        let history = try await workspace.cairn("execution", "history", String(id.prefix(8)))

        #expect(history.status == 0)
        #expect(history.standardError == "")
        #expect(
            history.standardOutput.scrubbed == """
                ID  TYPE                 STATE    ELAPSED  DETAIL
                 1  ExecutionStarted                <dur>
                 2  PassStateEntered     Prepare    <dur>
                 3  PassStateExited      Prepare    <dur>
                 4  TaskStateEntered     Work       <dur>
                 5  TaskScheduled                   <dur>  cairn:exec
                 6  TaskStarted                     <dur>  cairn:exec
                 7  TaskSucceeded                   <dur>  cairn:exec
                 8  TaskStateExited      Work       <dur>
                 9  SucceedStateEntered  Done       <dur>
                10  SucceedStateExited   Done       <dur>
                11  ExecutionSucceeded              <dur>

                """
        )
    }

    @Test func defaultDatabaseIsUnderTheCurrentDirectory() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)

        let run = try await workspace.cairn("run", "work.yaml", "-q")

        #expect(run.status == 0)
        #expect(workspace.exists(".cairn/cairn.db"))
        #expect(
            run.standardOutput.scrubbed == """
                SUCCEEDED work in <dur>
                execution: <id>
                inspect: cairn execution show <id>

                """
        )
        let secondLine = run.standardOutput.split(separator: "\n").dropFirst().first ?? ""
        let id = String(secondLine.dropFirst("execution: ".count))
        let shown = try await workspace.cairn("execution", "show", "--json", "--data", id)
        #expect(shown.status == 0, "\(shown.standardError)")
        let record = try shown.outputJSON()
        #expect(record["executionId"]?.stringValue == id)
        #expect(record["status"] == "SUCCEEDED")
        #expect(record["output"]?["work"] == ["rows": 3])
    }

    @Test func cairnDBVariableChoosesTheDatabase() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)
        let environment = ["CAIRN_DB": workspace.path("env/chosen.db")]

        let run = try await workspace.cairn(
            "run", "work.yaml", "--json", "-q", environment: environment
        )

        #expect(run.status == 0, "\(run.standardError)")
        let id = try run.outputJSON()["executionId"]
        #expect(workspace.exists("env/chosen.db"))
        #expect(!workspace.exists(".cairn"))
        let viaVariable = try await workspace.cairn(
            "execution", "list", "--json", environment: environment
        )
        #expect(try viaVariable.outputJSON().arrayValue?.map { $0["executionId"] } == [id])
        let viaOption = try await workspace.cairn(
            "execution", "list", "--json", "--db", workspace.path("env/chosen.db")
        )
        #expect(try viaOption.outputJSON().arrayValue?.map { $0["executionId"] } == [id])
        let optionWins = try await workspace.cairn(
            "execution", "list", "--db", "other.db", environment: environment
        )
        #expect(optionWins.standardOutput == "No executions match.\n")
        let neither = try await workspace.cairn("execution", "list")
        #expect(neither.standardOutput == "No executions match.\n")
    }

    @Test func memoryDatabaseLeavesNoFile() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)
        try workspace.write(
            "fail.yaml",
            """
            StartAt: Crash
            States:
              Crash:
                Type: Task
                Resource: cairn:exec
                Parameters:
                  Command: [python3, -c, "import sys; sys.exit('crashed')"]
                End: true

            """
        )
        let before = try workspace.listing()

        let succeeded = try await workspace.cairn("run", "work.yaml", "--db", ":memory:")
        let failed = try await workspace.cairn(
            "run", "fail.yaml", "--json", "-q", "--db", ":memory:"
        )

        #expect(succeeded.status == 0)
        #expect(
            succeeded.standardOutput.scrubbed == "SUCCEEDED work in <dur>\nexecution: <id>\n"
        )
        #expect(failed.status == 1)
        #expect(try failed.outputJSON()["cause"] == """
            'python3 -c import sys; sys.exit('crashed')' ended with exit status 1. \
            Its stderr ends with:
            crashed
            """)
        #expect(try workspace.listing() == before)
    }

    @Test func readingCommandsReportAMissingDatabase() async throws {
        let workspace = try Workspace()

        let show = try await workspace.cairn("execution", "show", "0123")
        let history = try await workspace.cairn("execution", "history", "0123")
        let list = try await workspace.cairn("execution", "list")

        let message = "Error: no database at '.cairn/cairn.db': nothing has run here yet "
            + "(use --db or CAIRN_DB to point at another one)\n"
        #expect(show.status == 1)
        #expect(show.standardError == message)
        #expect(history.status == 1)
        #expect(history.standardError == message)
        #expect(list.status == 0)
        #expect(list.standardOutput == "No executions match.\n")
        #expect(try workspace.listing() == [], "reading commands create nothing")
    }

    @Test func unknownExecutionIsReported() async throws {
        let workspace = try Workspace()
        try workspace.write("work.yaml", Self.workflow)
        _ = try await workspace.cairn("run", "work.yaml", "-q")

        let show = try await workspace.cairn("execution", "show", "ffffffff")

        #expect(show.status == 1)
        #expect(show.standardOutput == "")
        #expect(
            show.standardError
                == "Error: no execution 'ffffffff' in this database (see 'cairn execution list')\n"
        )
    }
}
