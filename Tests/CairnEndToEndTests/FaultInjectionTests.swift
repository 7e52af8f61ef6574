// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Kills `cairn serve` with SIGKILL at random moments while dozens of
/// executions run, and checks that every execution still ends as if nothing
/// had happened: right output, every step run, and a step run twice only
/// where a kill landed while it ran.
///
/// The kills are timed, so this test sleeps on purpose: the moments are drawn
/// from a seeded generator. The seed is printed; `CAIRN_FAULT_SEED=<seed>`
/// replays the same plan (the same inputs, pauses and kill delays; the
/// machine's timing still varies).
@Suite struct FaultInjectionTests {
    static let defaultSeed: UInt64 = 20_250_601
    static let executionCount = 30
    static let executionsStartedUpFront = 20
    static let killCycles = 15

    @Test(.timeLimit(.minutes(2)))
    func executionsSurviveRepeatedDaemonKills() async throws {
        let seed = FaultPlan.seedFromEnvironment(default: Self.defaultSeed)
        print("fault injection seed: \(seed) (replay with CAIRN_FAULT_SEED=\(seed))")
        let plan = FaultPlan(
            seed: seed,
            executions: Self.executionCount,
            cycles: Self.killCycles
        )
        let lab = try FaultLab(seed: seed)
        defer { lab.endLeftoverProcesses() }
        try lab.writeWorkflow()

        // Some executions wait in the store before any daemon has run.
        for input in plan.inputs.prefix(Self.executionsStartedUpFront) {
            try await lab.start(input)
        }
        var queued = plan.inputs.dropFirst(Self.executionsStartedUpFront)[...]
        for delay in plan.killDelays {
            try await lab.runDaemonAndKill(after: delay)
            if let input = queued.popFirst() { try await lab.start(input) }
        }
        for input in queued { try await lab.start(input) }
        try await lab.runDaemonToCompletion()

        let stored = try await lab.inspectDatabase()
        let ledger = try lab.readLedger()
        let context = Comment(rawValue: "seed \(seed)")
        let reruns = ledger.runs.count - Set(ledger.runs.map(\.idempotencyKey)).count
        print("fault injection: \(lab.killCount) kills, \(ledger.runs.count) step runs, "
            + "\(reruns) of them again after a kill (seed \(seed))")
        #expect(stored.integrity == ["ok"], context)
        #expect(stored.executions.count == plan.inputs.count, context)
        for execution in stored.executions {
            let input = try #require(plan.input(named: execution.name), context)
            #expect(execution.status == "SUCCEEDED", "\(execution.name) \(context)")
            #expect(execution.output == input.expectedOutput, "\(execution.name) \(context)")
            let problems = ledger.problems(
                executionID: execution.id,
                expectedSteps: input.expectedSteps,
                daemons: lab.lifetimes
            )
            #expect(problems.isEmpty, "\(execution.name): \(problems) \(context)")
        }
        #expect(lab.daemonProblems.isEmpty, "\(lab.daemonProblems) \(context)")
    }

    /// A daemon with more queued tasks than free workers must still run them
    /// all, one worker at a time. (It once spun without suspending, so that
    /// finished tasks never reached the engine and SIGTERM was ignored.)
    @Test(.timeLimit(.minutes(1)))
    func queuedTasksBeyondTheWorkerLimitDoNotStallTheDaemon() async throws {
        let lab = try FaultLab(seed: Self.defaultSeed)
        defer { lab.endLeftoverProcesses() }
        try lab.writeWorkflow()
        let plan = FaultPlan(seed: Self.defaultSeed, executions: 2, cycles: 0)
        for input in plan.inputs {
            try await lab.start(input)
        }

        let finished = try await lab.runDaemonToCompletion(workers: 1, within: .seconds(6))

        #expect(finished, "\(lab.daemonProblems)")
        #expect(lab.daemonProblems.isEmpty, "\(lab.daemonProblems)")
    }

    /// Once its executions have ended, a daemon waits without using the CPU:
    /// an alarm set for one wait must not end the next one.
    @Test(.timeLimit(.minutes(1)))
    func idleDaemonDoesNotSpinAfterItsTasksEnded() async throws {
        let lab = try FaultLab(seed: Self.defaultSeed)
        defer { lab.endLeftoverProcesses() }
        try lab.writeWorkflow()
        let plan = FaultPlan(seed: Self.defaultSeed, executions: 1, cycles: 0)
        try await lab.start(plan.inputs[0])

        let finished = try await lab.runDaemonToCompletion(
            within: .seconds(20),
            measuringIdleCPU: true
        )

        #expect(finished, "\(lab.daemonProblems)")
        let busy = try #require(lab.idleCPUShare)
        #expect(busy < 0.2, "the idle daemon used \(Int(busy * 100)) % of a CPU")
    }
}

// MARK: - The plan

/// Everything the seed decides: the executions' inputs (which branch, how
/// long each step works) and how long each daemon lives before its kill.
struct FaultPlan {
    static let taskStates = ["Fetch", "Shape", "Even", "Odd", "Train", "Publish"]

    struct Input {
        var name: String
        var parity: String
        var pauses: [String: String]

        var json: JSONValue {
            var pause = JSONObject()
            for (state, seconds) in pauses { pause[state] = .string(seconds) }
            return ["parity": .string(parity), "pause": .object(pause), "results": [:]]
        }

        var expectedSteps: [String] {
            ["Fetch", "Shape", parity == "even" ? "Even" : "Odd", "Train", "Publish"]
        }

        var expectedOutput: JSONValue {
            var output = json
            var results = JSONObject()
            for step in expectedSteps { results[step] = ["state": .string(step)] }
            output["results"] = .object(results)
            return output
        }
    }

    var inputs: [Input] = []
    var killDelays: [Duration] = []

    init(seed: UInt64, executions: Int, cycles: Int) {
        var generator = SplitMix64(seed: seed)
        for index in 0..<executions {
            var pauses: [String: String] = [:]
            for state in Self.taskStates {
                pauses[state] = String(format: "0.%03d", Int.random(in: 10...60, using: &generator))
            }
            inputs.append(Input(
                name: "fault-\(index)",
                parity: Bool.random(using: &generator) ? "even" : "odd",
                pauses: pauses
            ))
        }
        killDelays = (0..<cycles).map { _ in
            .milliseconds(Int.random(in: 50...500, using: &generator))
        }
    }

    func input(named name: String) -> Input? {
        inputs.first { $0.name == name }
    }

    static func seedFromEnvironment(default seed: UInt64) -> UInt64 {
        let text = ProcessInfo.processInfo.environment["CAIRN_FAULT_SEED"] ?? ""
        return UInt64(text.trimmingCharacters(in: .whitespaces)) ?? seed
    }
}

/// A small, fast generator whose whole state is its seed, so a plan can be
/// replayed exactly from the printed number.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

// MARK: - The lab

/// The test's folder, its daemons and what happened to them.
final class FaultLab {
    /// One daemon's life, in milliseconds since the epoch (the clock the
    /// ledger's `date` uses): launched, sent SIGKILL (`nil` for the final
    /// daemon, which is stopped with SIGTERM), reaped.
    struct Lifetime {
        var launchedAt: Int64
        var killedAt: Int64?
        var endedAt: Int64
    }

    /// More workers than executions, so that every step that is due runs at
    /// once and kills land on running steps; the second test covers a daemon
    /// with fewer workers than due tasks.
    static let workers = 32

    static let workflow = """
        StartAt: Fetch
        States:
          Fetch: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Fetch)", Payload: {}}, \
        ResultPath: $.results.Fetch, Next: Shape}
          Shape: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Shape)", Payload: {}}, \
        ResultPath: $.results.Shape, Next: Pause}
          Pause: {Type: Wait, Seconds: 1, Next: Route}
          Route:
            Type: Choice
            Choices:
              - {Variable: $.parity, StringEquals: even, Next: Even}
            Default: Odd
          Even: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Even)", Payload: {}}, \
        ResultPath: $.results.Even, Next: Train}
          Odd: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Odd)", Payload: {}}, \
        ResultPath: $.results.Odd, Next: Train}
          Train: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Train)", Payload: {}}, \
        ResultPath: $.results.Train, Next: Publish}
          Publish: {Type: Task, Resource: "cairn:exec", Parameters: {"Command.$": \
        "States.Array('sh', 'step.sh', $.pause.Publish)", Payload: {}}, \
        ResultPath: $.results.Publish, End: true}

        """

    /// Each run of a step appends a start line, works, appends a done line and
    /// prints its result. `$$` is the process group the daemon made for it.
    static let stepScript = """
        #!/bin/sh
        line="$CAIRN_EXECUTION_ID $CAIRN_STATE_NAME $CAIRN_ATTEMPT $$ $CAIRN_IDEMPOTENCY_KEY"
        echo "$(date +%s%3N) start $line" >> ledger.txt
        sleep "$1"
        echo "$(date +%s%3N) done $line" >> ledger.txt
        printf '{"state": "%s"}\\n' "$CAIRN_STATE_NAME"

        """

    /// Reads the database with Python's sqlite3, not with Cairn.
    static let inspector = """
        import json, sqlite3, sys
        db = sqlite3.connect(sys.argv[1])
        print(json.dumps({
            "integrity": [row[0] for row in db.execute("PRAGMA integrity_check")],
            "executions": [
                {"id": row[0], "name": row[1], "status": row[2], "output": row[3]}
                for row in db.execute("SELECT id, name, status, output FROM executions")],
        }))

        """

    private let folder: TemporaryDirectory
    private let binary: CairnBinary
    let root: String
    let seed: UInt64
    private(set) var lifetimes: [Lifetime] = []

    var killCount: Int { lifetimes.filter { $0.killedAt != nil }.count }
    /// Daemons that ended on their own, or a final one that did not finish.
    private(set) var daemonProblems: [String] = []
    /// The share of one CPU an idle daemon used, when measured.
    private(set) var idleCPUShare: Double?
    private var daemonPIDs: [Int32] = []
    private var cycle = 0

    init(seed: UInt64) throws {
        self.folder = try TemporaryDirectory(prefix: "cairn-fault")
        self.binary = try CairnBinary.locate()
        self.root = self.folder.url.resolvingSymlinksInPath().path
        self.seed = seed
    }

    var databasePath: String { root + "/state/cairn.db" }

    func writeWorkflow() throws {
        try Data(Self.workflow.utf8).write(to: URL(fileURLWithPath: root + "/faults.yaml"))
        try Data(Self.stepScript.utf8).write(to: URL(fileURLWithPath: root + "/step.sh"))
        try Data().write(to: URL(fileURLWithPath: root + "/ledger.txt"))
        try FileManager.default.createDirectory(
            atPath: root + "/logs",
            withIntermediateDirectories: true
        )
    }

    func start(_ input: FaultPlan.Input) async throws {
        let result = try await cairn(
            "start", "faults.yaml", "--name", input.name, "--input", input.json.compactText,
            "--db", databasePath
        )
        #expect(result.status == 0, "cairn start: \(result.standardError) (seed \(seed))")
    }

    private func cairn(_ arguments: String...) async throws -> RecordedProcess {
        try await binary.run(arguments, in: root, timeout: .seconds(30))
    }

    // MARK: - Daemons

    /// Starts `cairn serve`, lets it live for `delay`, then kills it with
    /// SIGKILL and records when.
    func runDaemonAndKill(after delay: Duration) async throws {
        let launchedAt = Self.now()
        let daemon = try launchDaemon(workers: Self.workers)
        try await Task.sleep(for: delay)
        if daemon.hasExited {
            lifetimes.append(Lifetime(launchedAt: launchedAt, killedAt: nil, endedAt: Self.now()))
            daemonProblems.append(
                "cairn serve (cycle \(cycle)) ended by itself with \(daemon.exitStatus); "
                    + "see \(daemon.logPath)"
            )
            return
        }
        let killedAt = Self.now()
        kill(daemon.pid, SIGKILL)
        await daemon.waitForExit()
        lifetimes.append(Lifetime(launchedAt: launchedAt, killedAt: killedAt, endedAt: Self.now()))
    }

    /// Runs a daemon until no execution is RUNNING (at most `limit`), then
    /// stops it with SIGTERM; returns whether they all ended in time.
    /// With `measuringIdleCPU`, the daemon's CPU share over the second after
    /// that is kept in `idleCPUShare`.
    @discardableResult
    func runDaemonToCompletion(
        workers: Int = FaultLab.workers,
        within limit: Duration = .seconds(45),
        measuringIdleCPU: Bool = false
    ) async throws -> Bool {
        let launchedAt = Self.now()
        let daemon = try launchDaemon(workers: workers)
        defer {
            lifetimes.append(Lifetime(launchedAt: launchedAt, killedAt: nil, endedAt: Self.now()))
        }
        let deadline = ContinuousClock.now + limit
        var isDone = false
        while !isDone, ContinuousClock.now < deadline, !daemon.hasExited {
            try await Task.sleep(for: .milliseconds(250))
            let list = try await cairn(
                "execution", "list", "--status", "RUNNING", "--json", "--db", databasePath
            )
            isDone = list.status == 0
                && (try? JSONValue(parsing: list.standardOutput, file: "list")) == .array([])
        }
        if !isDone {
            daemonProblems.append("executions still RUNNING after \(limit); see \(daemon.logPath)")
        }
        if measuringIdleCPU, isDone, let before = Self.cpuTicks(of: daemon.pid) {
            try await Task.sleep(for: .seconds(1))
            let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
            idleCPUShare = Self.cpuTicks(of: daemon.pid).map { ticks in
                Double(ticks - before) / ticksPerSecond
            }
        }
        kill(daemon.pid, SIGTERM)
        // The daemon gets its grace period and a little more, then is killed.
        let stopDeadline = ContinuousClock.now + .seconds(5)
        while !daemon.hasExited, ContinuousClock.now < stopDeadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        if !daemon.hasExited {
            daemonProblems.append("cairn serve ignored SIGTERM for 5 s; see \(daemon.logPath)")
            kill(daemon.pid, SIGKILL)
        }
        await daemon.waitForExit()
        return isDone
    }

    private func launchDaemon(workers: Int) throws -> Daemon {
        cycle += 1
        let daemon = try Daemon(
            binary: binary.path,
            arguments: [
                "serve", "--db", databasePath, "--grace-period", "2", "--workers", "\(workers)",
            ],
            directory: root,
            logPath: root + "/logs/serve-\(cycle).log"
        )
        daemonPIDs.append(daemon.pid)
        return daemon
    }

    // MARK: - Reading what happened

    struct StoredExecution {
        var id: String
        var name: String
        var status: String
        var output: JSONValue?
    }

    func inspectDatabase() async throws -> (integrity: [String], executions: [StoredExecution]) {
        let result = try await RecordedProcess.run(
            executable: "/usr/bin/env",
            arguments: ["python3", "-c", Self.inspector, databasePath],
            in: root,
            timeout: .seconds(30)
        )
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONValue(parsing: result.standardOutput, file: "inspector")
        let integrity = (report["integrity"]?.arrayValue ?? []).compactMap(\.stringValue)
        let executions = try (report["executions"]?.arrayValue ?? []).map { row in
            StoredExecution(
                id: row["id"]?.stringValue ?? "",
                name: row["name"]?.stringValue ?? "",
                status: row["status"]?.stringValue ?? "",
                output: try row["output"]?.stringValue.map { try JSONValue(parsing: $0) }
            )
        }
        return (integrity, executions)
    }

    func readLedger() throws -> Ledger {
        try Ledger(text: String(contentsOfFile: root + "/ledger.txt", encoding: .utf8))
    }

    // MARK: - Cleaning up

    /// Ends every process this test started that may still run: daemons, and
    /// the step processes that outlived a killed daemon (each leads its own
    /// process group, whose id the ledger recorded).
    func endLeftoverProcesses() {
        for pid in daemonPIDs where Self.isRunning(pid, in: root) {
            kill(pid, SIGKILL)
        }
        let groups = Set((try? readLedger().runs.map(\.processGroup)) ?? [])
        for group in groups where Self.isRunning(group, in: root) {
            kill(-group, SIGKILL)
        }
    }

    /// Whether `pid` is alive and works in `folder`, so that a recycled pid
    /// of some other program is never signalled.
    private static func isRunning(_ pid: Int32, in folder: String) -> Bool {
        guard pid > 1,
            let directory = try? FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/\(pid)/cwd"
            )
        else { return false }
        return directory == folder
    }

    /// User plus system time of `pid`, in clock ticks (`/proc/<pid>/stat`
    /// fields 14 and 15, counted after the parenthesised command name).
    private static func cpuTicks(of pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            return nil
        }
        return user + system
    }

    static func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}

// MARK: - A daemon process

/// One `cairn serve`, with its output in a log file.
final class Daemon {
    let pid: Int32
    let logPath: String
    private let process: Process
    private let exit = ExitWatch()

    init(binary: String, arguments: [String], directory: String, logPath: String) throws {
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = CairnBinary.environment(adding: [:])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        let exit = self.exit
        process.terminationHandler = { ended in exit.ended(with: ended.terminationStatus) }
        try process.run()
        try? log.close()
        self.process = process
        self.logPath = logPath
        self.pid = process.processIdentifier
    }

    var hasExited: Bool { exit.status != nil }

    var exitStatus: Int32 { exit.status ?? -1 }

    func waitForExit() async {
        await exit.wait()
    }
}

/// The exit status of a process, shared with Foundation's termination handler.
final class ExitWatch: Sendable {
    private struct State {
        var status: Int32?
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    var status: Int32? { state.withLock { $0.status } }

    func ended(with status: Int32) {
        let waiter = state.withLock { state in
            state.status = status
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isDone = state.withLock { state in
                if state.status != nil { return true }
                state.waiter = continuation
                return false
            }
            if isDone { continuation.resume() }
        }
    }
}

// MARK: - The ledger

/// The lines the step script appended, and the rules they must follow.
struct Ledger {
    struct Run {
        var startedAt: Int64
        var finishedAt: Int64?
        var executionID: String
        var state: String
        var attempt: Int
        var processGroup: Int32
        var idempotencyKey: String
    }

    private(set) var runs: [Run] = []

    init(text: String) throws {
        var open: [Int32: Int] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 6).map(String.init)
            guard words.count == 7, let time = Int64(words[0]), let attempt = Int(words[4]),
                let group = Int32(words[5])
            else {
                Issue.record("ledger line not understood: \(line)")
                continue
            }
            if words[1] == "start" {
                open[group] = runs.count
                runs.append(Run(
                    startedAt: time, executionID: words[2], state: words[3], attempt: attempt,
                    processGroup: group, idempotencyKey: words[6]
                ))
            } else if let index = open[group] {
                runs[index].finishedAt = time
            }
        }
    }

    /// What is wrong with the runs of one execution's steps.
    ///
    /// Every expected step ran and finished at least once, no other step ran,
    /// and a step ran again only with a higher attempt, the same idempotency
    /// key, and after the daemon that ran it before was killed.
    func problems(
        executionID: String,
        expectedSteps: [String],
        daemons: [FaultLab.Lifetime]
    ) -> [String] {
        var problems: [String] = []
        let mine = runs.filter { $0.executionID == executionID }
        let ranSteps = Set(mine.map(\.state))
        if ranSteps != Set(expectedSteps) {
            problems.append("ran \(ranSteps.sorted()), expected \(expectedSteps.sorted())")
        }
        for step in expectedSteps {
            let attempts = mine.filter { $0.state == step }.sorted { $0.startedAt < $1.startedAt }
            if !attempts.contains(where: { $0.finishedAt != nil }) {
                problems.append("\(step) never finished a run")
            }
            for (earlier, later) in zip(attempts, attempts.dropFirst()) {
                problems += Self.problems(rerunning: step, earlier, later, daemons: daemons)
            }
        }
        return problems
    }

    private static func problems(
        rerunning step: String,
        _ earlier: Run,
        _ later: Run,
        daemons: [FaultLab.Lifetime]
    ) -> [String] {
        var problems: [String] = []
        if later.attempt <= earlier.attempt {
            problems.append("\(step) ran again with attempt \(later.attempt) after "
                + "\(earlier.attempt)")
        }
        if later.idempotencyKey != earlier.idempotencyKey {
            problems.append("\(step) ran again with another idempotency key")
        }
        // The daemon that ran the earlier attempt is the last one launched
        // before its start line. That line may come after the daemon was killed
        // (the shell was spawned just before and wrote it late), and its done
        // line proves nothing either: a step that outlived its daemon finishes
        // but nobody reads its result. What must hold is that its daemon was
        // killed, and that the rerun came from a later daemon.
        // `date` and the test's clock round differently by up to 1 ms.
        let owner = daemons.last { $0.launchedAt <= earlier.startedAt + 1 }
        guard let owner, owner.killedAt != nil, later.startedAt + 1 >= owner.endedAt else {
            let lives = daemons.map { "\($0.launchedAt)-\($0.killedAt.map(String.init) ?? "end")" }
            problems.append("\(step) ran again (attempt \(later.attempt) at \(later.startedAt)) "
                + "although the daemon that ran it at \(earlier.startedAt) was not killed "
                + "before; daemons: \(lives.joined(separator: ", "))")
            return problems
        }
        return problems
    }
}
