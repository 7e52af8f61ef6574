// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnTasks
import Foundation
import Glibc
import Testing

@Suite struct ProcessRunnerTests {
    let runner = ProcessRunner()

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @Test func echoesStandardInputBack() async throws {
        let input = Array(#"{"model": "churn", "rows": [1, 2, 3]}"#.utf8)
        let result = try await runner.run(ProcessRequest(command: ["cat"], standardInput: input))

        #expect(result.termination == .exited(0))
        #expect(result.isSuccess)
        #expect(result.standardOutput == input)
        #expect(result.standardError.isEmpty)
        #expect(!result.timedOut)
    }

    @Test func capturesSeveralMegabytesOnBothPipesWhileWritingInput() async throws {
        // 4 MiB in, the same 4 MiB out on stdout and on stderr: any pipe
        // left unread while another is written would fill up and deadlock.
        let input = makePatternedBytes(count: 4 << 20)
        let request = ProcessRequest(
            command: ["sh", "-c", "tee /dev/stderr"],
            standardInput: input,
            standardErrorLimit: 8 << 20
        )
        let result = try await runner.run(request)

        #expect(result.termination == .exited(0))
        #expect(result.standardOutput.count == input.count)
        #expect(result.standardOutput == input)
        #expect(result.standardError == input)
        #expect(!result.isStandardErrorTruncated)
    }

    @Test func keepsOnlyTheTailOfStandardError() async throws {
        let request = ProcessRequest(
            command: ["sh", "-c", "head -c 200000 /dev/zero | tr '\\0' a >&2; printf END >&2"],
            standardErrorLimit: 1000
        )
        let result = try await runner.run(request)

        #expect(result.standardError.count == 1000)
        #expect(result.droppedStandardErrorByteCount == 200_003 - 1000)
        #expect(text(result.standardError).hasSuffix("aaaEND"))
        #expect(
            result.standardErrorText.hasPrefix("[199003 earlier bytes of standard error dropped]\n")
        )
    }

    @Test(arguments: [0, 1, 3, 255] as [Int32])
    func reportsTheExitStatus(status: Int32) async throws {
        let result = try await runner.run(ProcessRequest(command: ["sh", "-c", "exit \(status)"]))

        #expect(result.termination == .exited(status))
        #expect(result.isSuccess == (status == 0))
    }

    @Test func reportsTheTerminatingSignal() async throws {
        let result = try await runner.run(ProcessRequest(command: ["sh", "-c", "kill -9 $$"]))

        #expect(result.termination == .signaled(SIGKILL))
        #expect(result.termination.description == "signal 9")
        #expect(!result.timedOut)
    }

    @Test func timeoutKillsTheWholeProcessGroupEvenWhenTermIsIgnored() async throws {
        // The shell and its background child both ignore SIGTERM; only the
        // SIGKILL to the group after the grace period can end them. The child
        // holds stdout open, so run() returning proves the child is gone too.
        let request = ProcessRequest(
            command: ["sh", "-c", #"trap "" TERM; sleep 30 & echo $!; wait"#],
            timeout: .milliseconds(300),
            terminationGracePeriod: .milliseconds(200)
        )
        let result = try await runner.run(request)

        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGKILL))
        #expect(!result.isSuccess)
        #expect(result.duration >= .milliseconds(500))
        #expect(result.duration < .seconds(5))

        let grandchild = try #require(
            pid_t(text(result.standardOutput).trimmingCharacters(in: .whitespacesAndNewlines))
        )
        #expect(isGone(grandchild))
    }

    @Test func timeoutEndsAProcessThatHonoursTerm() async throws {
        let request = ProcessRequest(
            command: ["sleep", "30"],
            timeout: .milliseconds(100),
            terminationGracePeriod: .seconds(5)
        )
        let result = try await runner.run(request)

        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
        #expect(result.duration < .seconds(5))
    }

    @Test func cancellingTheTaskKillsTheProcessGroup() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/started"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }

        // The shell reports its background child through the FIFO, so the
        // test cancels only once the whole group is certainly running.
        let request = ProcessRequest(
            command: ["sh", "-c", #"trap "" TERM; sleep 30 & echo $! > "$1"; wait"#, "sh", fifo],
            terminationGracePeriod: .milliseconds(100)
        )
        let runner = self.runner
        let task = Task { try await runner.run(request) }
        // Poll without blocking: a blocked thread would starve the small
        // cooperative pool that the runner itself needs to start the process.
        var ready = [pollfd(fd: reader, events: Int16(POLLIN), revents: 0)]
        var isReady = false
        for _ in 0..<1_000 where !isReady {
            isReady = poll(&ready, 1, 0) == 1
            if !isReady { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(isReady)
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = read(reader, &bytes, bytes.count)
        let grandchild = try #require(
            pid_t(text(Array(bytes[0..<max(count, 0)])).trimmingCharacters(in: .newlines))
        )
        task.cancel()
        let outcome = await task.result

        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(isGone(grandchild))
    }

    @Test func cancellingBeforeTheStartSpawnsNothing() async throws {
        let runner = self.runner
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await runner.run(ProcessRequest(command: ["cairn-no-such-tool"]))
        }

        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func passesEnvironmentAdditions() async throws {
        let request = ProcessRequest(
            command: ["sh", "-c", #"printf '%s|%s' "$CAIRN_STATE_NAME" "$CAIRN_ATTEMPT""#],
            environment: ["CAIRN_STATE_NAME": "Train Model", "CAIRN_ATTEMPT": "2"]
        )
        let result = try await runner.run(request)

        #expect(text(result.standardOutput) == "Train Model|2")
    }

    @Test func baseEnvironmentIsReplacedByTheRunnersOwn() async throws {
        let runner = ProcessRunner(baseEnvironment: ["PATH": "/usr/bin:/bin", "ONLY": "this"])
        let result = try await runner.run(ProcessRequest(command: ["env"]))

        #expect(text(result.standardOutput) == "ONLY=this\nPATH=/usr/bin:/bin\n")
    }

    @Test func honoursTheWorkingDirectoryForTheProcessAndRelativeCommands() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/where.sh"
        try "#!/bin/sh\npwd\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)

        let result = try await runner.run(
            ProcessRequest(command: ["./where.sh"], workingDirectory: directory)
        )

        #expect(result.termination == .exited(0))
        let printed = text(result.standardOutput).trimmingCharacters(in: .newlines)
        #expect(
            URL(fileURLWithPath: printed).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        )
    }

    @Test func namesTheCommandAndWorkingDirectoryWhenNotFound() async throws {
        let request = ProcessRequest(
            command: ["cairn-no-such-tool", "--x"],
            workingDirectory: "/tmp"
        )
        let error = try await #require(throws: ProcessRunnerError.self) {
            try await runner.run(request)
        }

        #expect(error.code == .commandNotFound)
        #expect(
            error.description
                == "command 'cairn-no-such-tool' not found in PATH (working directory: /tmp)"
        )
    }

    @Test func namesTheResolvedPathWhenARelativeCommandIsMissing() async throws {
        let request = ProcessRequest(command: ["./train.sh"], workingDirectory: "/tmp")
        let error = try await #require(throws: ProcessRunnerError.self) {
            try await runner.run(request)
        }

        #expect(error.code == .commandNotFound)
        #expect(
            error.description == """
                command './train.sh' not found: no file at /tmp/./train.sh \
                (working directory: /tmp)
                """
        )
    }

    @Test func refusesAFileThatIsNotExecutable() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "echo hi\n".write(toFile: directory + "/plain.sh", atomically: true, encoding: .utf8)

        let error = try await #require(throws: ProcessRunnerError.self) {
            try await runner.run(
                ProcessRequest(command: ["./plain.sh"], workingDirectory: directory)
            )
        }

        #expect(error.code == .commandNotExecutable)
        #expect(error.description.hasPrefix("command './plain.sh' is not an executable file: "))
    }

    @Test func refusesAMissingWorkingDirectory() async throws {
        let error = try await #require(throws: ProcessRunnerError.self) {
            try await runner.run(
                ProcessRequest(command: ["true"], workingDirectory: "/no/such/dir")
            )
        }

        #expect(error.code == .invalidWorkingDirectory)
        #expect(
            error.description
                == "working directory '/no/such/dir' does not exist or is not a directory"
        )
    }

    @Test func toleratesAChildThatNeverReadsItsInput() async throws {
        let input = [UInt8](repeating: 7, count: 1 << 20)
        let result = try await runner.run(
            ProcessRequest(command: ["sh", "-c", "exec 0<&-; echo done"], standardInput: input)
        )

        #expect(result.termination == .exited(0))
        #expect(text(result.standardOutput) == "done\n")
    }

    // MARK: - Helpers

    /// Bytes cycling through 0...250: the odd period makes a lost, doubled
    /// or reordered pipe buffer show up. Built by doubling, which debug
    /// builds do far faster than a byte-by-byte map.
    private func makePatternedBytes(count: Int) -> [UInt8] {
        var bytes = (0..<251).map { UInt8($0) }
        while bytes.count < count {
            bytes += bytes
        }
        return Array(bytes.prefix(count))
    }

    /// Whether the process has ended, waiting at most two seconds for it.
    ///
    /// A killed process closes its descriptors a moment before it is
    /// marked dead, so right after run() returns it may still be exiting.
    /// A pidfd becomes readable when it has exited; the wait is bounded
    /// and ends as soon as that happens, which keeps sleeps out.
    private func isGone(_ processID: pid_t) -> Bool {
        typealias PidFDOpen = @convention(c) (pid_t, UInt32) -> Int32
        guard let symbol = dlsym(nil, "pidfd_open") else { return kill(processID, 0) != 0 }
        let descriptor = unsafeBitCast(symbol, to: PidFDOpen.self)(processID, 0)
        guard descriptor >= 0 else { return errno == ESRCH }
        defer { close(descriptor) }
        var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&ready, 1, 2_000) == 1
    }

    private func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-process-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
