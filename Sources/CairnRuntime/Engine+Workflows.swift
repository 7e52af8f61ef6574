// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnStorage
import Foundation

/// `cairn:workflow.start`: a task that starts another workflow's execution.
///
/// Parameters: `StateMachine` (the workflow file, relative to the parent's
/// folder), optionally `Input` (default `{}`) and `Name`. The plain resource
/// returns at once with the child's id; `.sync` waits for the child and takes
/// `{executionId, status, output}` as its result, or fails with the child's
/// error and cause; `.waitForTaskToken` waits for a callback with the token.
/// The child's name defaults to one derived from the parent task, so a task
/// that runs again after a crash finds the child it started before.
extension Engine {
    static let workflowStartResource = "cairn:workflow.start"
    /// Error name when the child cannot be started.
    static let workflowStartFailedError = "Workflow.StartFailed"
    static let childEndedKind = "child-ended"

    func isWorkflowStart(_ resource: String) -> Bool {
        resource == Self.workflowStartResource
            || resource.hasPrefix(Self.workflowStartResource + ".")
    }

    /// Starts the child of a `cairn:workflow.start` task; the task's outcome
    /// comes now (fire and forget, or a failure) or when the child ends.
    func startChild(_ request: TaskRequest, executionID: String, directory: String) {
        let key = WorkKey(executionID: executionID, itemID: request.taskID)
        let parameters = request.input.value
        let waitsForChild = request.resource.hasSuffix(".sync")
        do {
            guard case .string(let written) = parameters["StateMachine"] ?? .null else {
                throw WorkflowFailure(
                    error: Self.workflowStartFailedError,
                    cause: "Parameters.StateMachine must name the workflow file to start."
                )
            }
            let path =
                written.hasPrefix("/")
                ? written
                : URL(fileURLWithPath: directory).appendingPathComponent(written).standardized.path
            let workflow: Workflow
            do {
                workflow = try WorkflowLoader.load(path: path)
            } catch {
                throw WorkflowFailure(error: Self.workflowStartFailedError, cause: "\(error)")
            }
            let name =
                parameters["Name"]?.stringValue
                ?? "\(executionID)-\(request.taskID)".replacingOccurrences(of: "/", with: "_")
            let started = try start(
                workflow,
                input: parameters["Input"] ?? .object(JSONObject()),
                name: name,
                claim: configuration.runsTasks,
                parentExecutionID: executionID,
                parentTask: waitsForChild
                    ? ParentTask(executionID: executionID, taskID: request.taskID) : nil
            )
            if waitsForChild {
                if started.record.status.isTerminal {
                    finished.append((key, Self.childOutcome(started.record)))
                    wake()
                }
                return
            }
            guard !request.waitsForCallback else { return }
            finished.append(
                (
                    key,
                    .success([
                        "executionId": .string(started.record.id),
                        "name": .string(started.record.name),
                        "workflow": .string(workflow.name),
                    ])
                )
            )
        } catch let failure as WorkflowFailure {
            finished.append((key, .failure(failure)))
        } catch {
            finished.append(
                (
                    key,
                    .failure(
                        WorkflowFailure(
                            error: Self.workflowStartFailedError,
                            cause: "\(error)"
                        )
                    )
                )
            )
        }
        wake()
    }

    /// What a finished child means for the parent task that waits for it.
    static func childOutcome(_ record: ExecutionRecord) -> TaskOutcome {
        if record.status == .succeeded {
            return .success([
                "executionId": .string(record.id),
                "status": .string(record.status.rawValue),
                "output": record.output ?? .null,
            ])
        }
        return .failure(
            WorkflowFailure(
                error: record.error ?? "States.TaskFailed",
                cause: record.cause
                    ?? "The child execution \(record.id) ended \(record.status.rawValue)."
            )
        )
    }

    /// The message a child that just ended leaves for its waiting parent.
    static func childEndedNotification(
        _ checkpoint: Checkpoint,
        executionID: String,
        outcome: TransitionBuilder.Outcome
    ) -> ExecutionTransition.Notification? {
        guard let parent = checkpoint.info.parentTask, outcome.status.isTerminal else { return nil }
        var payload = JSONObject()
        payload["taskId"] = .string(parent.taskID)
        payload["executionId"] = .string(executionID)
        payload["status"] = .string(outcome.status.rawValue)
        payload["output"] = outcome.output ?? .null
        payload["error"] = outcome.error.map(JSONValue.string) ?? .null
        payload["cause"] = outcome.cause.map(JSONValue.string) ?? .null
        return ExecutionTransition.Notification(
            executionID: parent.executionID,
            kind: childEndedKind,
            payload: .object(payload)
        )
    }
}
