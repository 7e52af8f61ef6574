// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore
import CairnDefinition
import CairnInterpreter
public import CairnStorage
public import Foundation

/// Requests that other processes leave in the store's inbox for the engine
/// that owns the executions: operators' stop and redrive, and task callbacks.
public enum ControlRequest: Sendable {
    case stop(error: String?, cause: String?)
    case redrive
    case taskSuccess(token: String, output: JSONValue)
    case taskFailure(token: String, error: String?, cause: String?)
    case taskHeartbeat(token: String)

    var kind: String {
        switch self {
        case .stop: "stop"
        case .redrive: "redrive"
        case .taskSuccess: "task-success"
        case .taskFailure: "task-failure"
        case .taskHeartbeat: "task-heartbeat"
        }
    }

    var payload: JSONValue {
        var object = JSONObject()
        switch self {
        case .stop(let error, let cause):
            object["error"] = error.map(JSONValue.string) ?? .null
            object["cause"] = cause.map(JSONValue.string) ?? .null
        case .redrive:
            break
        case .taskSuccess(let token, let output):
            object["token"] = .string(token)
            object["output"] = output
        case .taskFailure(let token, let error, let cause):
            object["token"] = .string(token)
            object["error"] = error.map(JSONValue.string) ?? .null
            object["cause"] = cause.map(JSONValue.string) ?? .null
        case .taskHeartbeat(let token):
            object["token"] = .string(token)
        }
        return .object(object)
    }

    /// Leaves the request for the engine that owns `executionID`.
    public func post(to store: any Store, executionID: String, at date: Date) throws {
        try store.post(executionID: executionID, kind: kind, payload: payload, at: date)
    }
}

extension Engine {
    /// The change an inbox message asks for; a callback whose task already
    /// ended asks for none and is only deleted.
    func change(for message: InboxMessage) throws -> PendingChange {
        var change = PendingChange(executionID: message.executionID, inboxID: message.id)
        let payload = message.payload
        let error = payload["error"]?.stringValue
        let cause = payload["cause"]?.stringValue
        switch message.kind {
        case "stop":
            change.kind = .event(.stop(error: error, cause: cause))
        case "redrive":
            change.kind = .redrive
        case Engine.childEndedKind:
            guard let taskID = payload["taskId"]?.stringValue else { return change }
            change.consumedItem = taskID
            if payload["status"]?.stringValue == ExecutionStatus.succeeded.rawValue {
                change.kind = .event(.taskSucceeded(taskID: taskID, output: [
                    "executionId": payload["executionId"] ?? .null,
                    "status": payload["status"] ?? .null,
                    "output": payload["output"] ?? .null,
                ]))
            } else {
                change.kind = .event(.taskFailed(taskID: taskID, failure: WorkflowFailure(
                    error: error ?? "States.TaskFailed",
                    cause: cause ?? "The child execution ended \(payload["status"] ?? .null)."
                )))
            }
        case "task-success", "task-failure", "task-heartbeat":
            guard let token = payload["token"]?.stringValue,
                let item = try store.workItem(token: token),
                item.executionID == message.executionID
            else { return change }
            switch message.kind {
            case "task-success":
                change.kind = .event(.taskSucceeded(
                    taskID: item.itemID, output: payload["output"] ?? .null
                ))
                change.consumedItem = item.itemID
            case "task-failure":
                change.kind = .event(.taskFailed(
                    taskID: item.itemID,
                    failure: WorkflowFailure(error: error ?? "", cause: cause)
                ))
                change.consumedItem = item.itemID
            default:
                change.kind = .event(.taskHeartbeat(taskID: item.itemID))
            }
        default:
            break
        }
        return change
    }
}
