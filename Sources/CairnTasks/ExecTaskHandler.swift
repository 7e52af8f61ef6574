// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
public import CairnRuntime
import Foundation

/// The `cairn:exec` task: runs a local process as DESIGN.md's contract says.
///
/// `Parameters` name the process: `Command` (the argument list, required),
/// `Payload` (JSON written to stdin; the state input after InputPath when
/// absent), `Env` (extra variables) and `WorkingDirectory` (default: the
/// workflow file's folder; relative paths start there). A JSON value on
/// stdout with exit status 0 is the result; an empty stdout is `null`.
/// Any other end is a failure: named by the last stdout line when that is
/// `{"error": "Name", "cause": "text"}`, else `States.TaskFailed` with the
/// tail of stderr as its cause. A task that outlives its TimeoutSeconds has
/// its whole process group killed and fails with `States.Timeout`.
public struct ExecTaskHandler: TaskHandler {
    /// Error name for Parameters that do not describe a process.
    public static let invalidParametersError = "Exec.InvalidParameters"
    /// Error name for a process that could not be started at all.
    public static let spawnFailedError = "Exec.SpawnFailed"

    private let runner: ProcessRunner
    /// Where each attempt's full stderr is kept; `nil` keeps only the tail
    /// that goes into a failure's cause.
    private let logDirectory: String?

    public init(runner: ProcessRunner = ProcessRunner(), logDirectory: String? = nil) {
        self.runner = runner
        self.logDirectory = logDirectory
    }

    public func run(_ invocation: TaskInvocation) async -> TaskOutcome {
        let request: ProcessRequest
        do {
            request = try makeRequest(invocation)
        } catch {
            return .failure(error)
        }
        let result: ProcessResult
        do {
            result = try await runner.run(request)
        } catch {
            return .failure(
                WorkflowFailure(
                    error: ExecTaskHandler.spawnFailedError,
                    cause: "\(error)"
                )
            )
        }
        let logPath = keepStandardError(result, invocation)
        return ExecTaskHandler.outcome(of: result, command: request.command, logPath: logPath)
    }

    // MARK: - Request

    func makeRequest(_ invocation: TaskInvocation) throws(WorkflowFailure) -> ProcessRequest {
        let parameters = invocation.input
        guard case .array(let words) = parameters["Command"] ?? .null, !words.isEmpty else {
            throw invalid(
                "Parameters.Command must be a non-empty list of strings, "
                    + "such as [\"python3\", \"tasks/train.py\"]."
            )
        }
        var command: [String] = []
        for word in words {
            guard case .string(let text) = word else {
                throw invalid(
                    "Parameters.Command must hold only strings; found "
                        + "\(word.compactText)."
                )
            }
            command.append(text)
        }
        var environment: [String: String] = [:]
        if let env = parameters["Env"], env != .null {
            guard case .object(let variables) = env else {
                throw invalid("Parameters.Env must be an object of strings.")
            }
            for (name, value) in variables {
                environment[name] = value.stringValue ?? value.compactText
            }
        }
        let request = invocation.request
        environment["CAIRN_EXECUTION_ID"] = invocation.executionID
        environment["CAIRN_STATE_NAME"] = request.stateName
        environment["CAIRN_ATTEMPT"] = String(request.attempt)
        environment["CAIRN_IDEMPOTENCY_KEY"] = request.idempotencyKey
        let payload = parameters["Payload"] ?? request.stateInput.value
        return ProcessRequest(
            command: command,
            environment: environment,
            workingDirectory: try workingDirectory(parameters, invocation),
            standardInput: Array((payload.compactText + "\n").utf8),
            timeout: request.timeoutSeconds.map { .seconds($0) }
        )
    }

    private func workingDirectory(
        _ parameters: JSONValue,
        _ invocation: TaskInvocation
    ) throws(WorkflowFailure) -> String {
        guard let written = parameters["WorkingDirectory"], written != .null else {
            return invocation.workflowDirectory
        }
        guard case .string(let path) = written else {
            throw invalid("Parameters.WorkingDirectory must be a string.")
        }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: invocation.workflowDirectory)
            .appendingPathComponent(path).standardized.path
    }

    private func invalid(_ message: String) -> WorkflowFailure {
        WorkflowFailure(error: ExecTaskHandler.invalidParametersError, cause: message)
    }

    // MARK: - Outcome

    static func outcome(
        of result: ProcessResult,
        command: [String],
        logPath: String?
    ) -> TaskOutcome {
        let stdout = String(decoding: result.standardOutput, as: UTF8.self)
        let commandText = command.joined(separator: " ")
        if result.timedOut {
            return .failure(
                WorkflowFailure(
                    error: WorkflowFailure.Name.timeout,
                    cause: "'\(commandText)' ran past the state's TimeoutSeconds and was stopped."
                        + stderrTail(result, logPath: logPath)
                )
            )
        }
        if result.termination == .exited(0) {
            let trimmed = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .success(.null) }
            do {
                return .success(try JSONValue(parsing: trimmed, file: "stdout"))
            } catch {
                return .failure(
                    WorkflowFailure(
                        error: WorkflowFailure.Name.taskFailed,
                        cause: "'\(commandText)' exited with status 0 but its standard output "
                            + "is not one JSON value (\(error)); first bytes: "
                            + String(trimmed.prefix(200))
                    )
                )
            }
        }
        if let named = namedFailure(in: stdout) { return .failure(named) }
        return .failure(
            WorkflowFailure(
                error: WorkflowFailure.Name.taskFailed,
                cause: "'\(commandText)' ended with \(result.termination)."
                    + stderrTail(result, logPath: logPath)
            )
        )
    }

    /// The failure a process names on its last stdout line, if it does.
    static func namedFailure(in stdout: String) -> WorkflowFailure? {
        let lastLine = stdout.split(whereSeparator: \.isNewline).last { line in
            !line.allSatisfy(\.isWhitespace)
        }
        guard let lastLine,
            let value = try? JSONValue(parsing: String(lastLine)),
            case .string(let error) = value["error"] ?? .null
        else { return nil }
        let cause: String? =
            switch value["cause"] {
            case .string(let text): text
            case nil, .null: nil
            case let other?: other.compactText
            }
        return WorkflowFailure(error: error, cause: cause)
    }

    private static func stderrTail(_ result: ProcessResult, logPath: String?) -> String {
        let lines = result.standardErrorText
            .split(whereSeparator: \.isNewline)
            .suffix(20)
            .joined(separator: "\n")
        var text =
            lines.isEmpty
            ? " It wrote nothing to stderr."
            : " Its stderr ends with:\n"
                + lines
        if let logPath { text += "\n(full stderr: \(logPath))" }
        return text
    }

    /// Writes the attempt's stderr beside the database, when it wrote any.
    private func keepStandardError(_ result: ProcessResult, _ invocation: TaskInvocation) -> String?
    {
        guard let logDirectory, !result.standardError.isEmpty else { return nil }
        let folder = URL(fileURLWithPath: logDirectory)
            .appendingPathComponent(invocation.executionID)
        let safeName = invocation.request.stateName.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        let file = folder.appendingPathComponent(
            "\(String(safeName)).\(invocation.request.attempt).stderr"
        )
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(result.standardError).write(to: file)
            return file.path
        } catch {
            return nil
        }
    }
}
