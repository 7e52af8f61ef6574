// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnDefinition

/// Decides what an execution does next, as a pure function of its definition,
/// its checkpoint and what just happened.
///
/// The interpreter reads no clock, does no I/O and draws no randomness of its
/// own: the time comes in with each call and random numbers come from a
/// generator whose state lives in the checkpoint. Running it twice on the same
/// arguments gives the same step, which is what makes recovery and the
/// conformance suite exact.
///
/// ```swift
/// let interpreter = Interpreter(definition: workflow.definition)
/// var step = interpreter.start(info: info, seed: 42, now: clock())
/// // run step.commands, store step.events and step.checkpoint, then:
/// step = interpreter.handle(.timerFired(id: timerID), checkpoint: step.checkpoint, now: clock())
/// ```
public struct Interpreter: Sendable {
    /// AWS ends an execution whose history grows past this many events; so do
    /// we, which also stops a Choice loop without Wait from spinning forever.
    public static let maximumHistoryEvents = 25_000

    /// AWS's limit on a state's input, output or result: 256 KiB of UTF-8 JSON.
    public static let maximumPayloadBytes = 262_144

    public let definition: StateMachine

    public init(definition: StateMachine) {
        self.definition = definition
    }

    /// Starts an execution: records `ExecutionStarted`, enters the first state
    /// and runs until every branch waits for a task or a timer, or the
    /// execution ends.
    ///
    /// - Parameters:
    ///   - info: The execution's identity and input.
    ///   - seed: Seeds the generator behind jitter, `States.MathRandom` and
    ///     `States.UUID`.
    ///   - now: The current time in milliseconds since the epoch.
    public func start(info: ExecutionInfo, seed: UInt64, now: Int64) -> InterpreterStep {
        var session = Session(definition: definition, info: info, seed: seed, now: now)
        session.begin()
        return session.finish()
    }

    /// Applies an event to a running execution and runs on from there.
    ///
    /// Events for tasks or timers that the checkpoint no longer waits for
    /// (a late result after a stop, a timer that fired twice) change nothing.
    public func handle(
        _ event: InterpreterEvent,
        checkpoint: Checkpoint,
        now: Int64
    ) -> InterpreterStep {
        var session = Session(definition: definition, checkpoint: checkpoint, now: now)
        session.apply(event)
        return session.finish()
    }
}

/// The outcome of one interpreter call: the new checkpoint, the history
/// events to append, and the commands for the runtime, all of which the
/// runtime commits together.
public struct InterpreterStep: Sendable {
    public var checkpoint: Checkpoint
    public var events: [HistoryEntry]
    public var commands: [InterpreterCommand]
}
