// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import CairnInterpreter
import CairnStorage
import Foundation

extension Engine {
    /// Runs executions until `condition` holds.
    ///
    /// Work that a dead engine had leased is taken over first: its tasks run
    /// again with a higher attempt number. Timers that fell due while nothing
    /// ran fire once, late.
    ///
    /// - Throws: the store's error when a transition cannot be stored.
    public func run(until condition: StopCondition) async throws {
        try recoverStrandedWork()
        while true {
            if try isSatisfied(condition) { break }
            let didWork = try await runOnePass()
            if !didWork {
                if isDraining, running.isEmpty { break }
                if case .idle = condition, running.isEmpty, try store.nextDueTime() == nil,
                    try store.inbox(limit: 1).isEmpty
                {
                    break
                }
                await sleepUntilWork()
            }
        }
    }

    /// Timers this many milliseconds late or more are reported to the observer.
    static let latenessWorthReporting: Int64 = 2000

    /// Stops taking new work; `run` returns once the running tasks ended.
    /// After `grace`, tasks still running are cancelled, their process groups
    /// ended, and their leases given back so they run again later.
    public func drain(grace: Duration) async {
        isDraining = true
        wake()
        let deadline = clock.now() + Int64(grace.components.seconds * 1000)
        while !running.isEmpty, clock.now() < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        let stopping = Array(running.values)
        for task in stopping { task.cancel() }
        for task in stopping { await task.value }
        running.removeAll()
        finished.removeAll()
        waitingForWorker.removeAll()
        try? store.releaseLeases(owner: configuration.owner)
        wake()
    }

    private func isSatisfied(_ condition: StopCondition) throws -> Bool {
        switch condition {
        case .executionEnds(let id):
            guard let record = try store.execution(id: id) else { return true }
            return record.status.isTerminal
        case .idle, .cancelled:
            return Task.isCancelled
        }
    }

    /// Applies what finished, what other processes asked, and what fell due;
    /// returns whether there was anything.
    private func runOnePass() async throws -> Bool {
        let now = clock.now()
        try renewLeasesIfDue(now: now)
        var batch: [PendingChange] = finished.map { key, outcome in
            let event: InterpreterEvent =
                switch outcome {
                case .success(let output): .taskSucceeded(taskID: key.itemID, output: output)
                case .failure(let failure): .taskFailed(taskID: key.itemID, failure: failure)
                }
            return PendingChange(
                executionID: key.executionID, kind: .event(event), consumedItem: key.itemID
            )
        }
        finished.removeAll()
        var unleasedTasks: [WorkItem] = []
        if !isDraining {
            for message in try store.inbox(limit: configuration.batchLimit) {
                batch.append(try change(for: message))
            }
            for item in try store.dueWork(at: TransitionBuilder.date(now),
                                          limit: configuration.batchLimit)
            {
                switch item.kind {
                case .timer:
                    let lateness = now - TransitionBuilder.milliseconds(item.dueAt)
                    if lateness > Engine.latenessWorthReporting {
                        observer?.timerFiredLate(
                            executionID: item.executionID, timerID: item.itemID, lateness: lateness
                        )
                    }
                    batch.append(PendingChange(
                        executionID: item.executionID,
                        kind: .event(.timerFired(id: item.itemID)),
                        consumedItem: item.itemID
                    ))
                case .task:
                    if configuration.runsTasks { unleasedTasks.append(item) }
                }
            }
        }
        batch.removeAll { $0.kind == nil && $0.inboxID == nil }
        if !batch.isEmpty { _ = try commit(batch, now: now) }
        // Tasks left waiting for a free worker are not progress: counting them
        // would spin the loop until a worker frees up.
        let launched = unleasedTasks.isEmpty ? 0 : try leaseAndLaunch(unleasedTasks, now: now)
        return !batch.isEmpty || launched > 0
    }

    private func renewLeasesIfDue(now: Int64) throws {
        guard now - lastLeaseRenewal >= leaseMilliseconds / 3 else { return }
        lastLeaseRenewal = now
        try store.renewLeases(
            owner: configuration.owner,
            until: TransitionBuilder.date(now + leaseMilliseconds)
        )
    }

    /// Gives back the leases of engines that are gone, so their work runs again.
    private func recoverStrandedWork() throws {
        let stranded = try store.strandedWork(
            liveOwner: configuration.owner,
            now: TransitionBuilder.date(clock.now())
        )
        for owner in Set(stranded.compactMap(\.leaseOwner)) {
            try store.releaseLeases(owner: owner)
        }
    }

    // MARK: - Waiting

    private func sleepUntilWork() async {
        guard finished.isEmpty, !Task.isCancelled else { return }
        let now = clock.now()
        let poll = configuration.pollInterval.components
        var deadline = now + poll.seconds * 1000 + poll.attoseconds / 1_000_000_000_000_000
        // Work already due waits for a free worker, whose end wakes the loop;
        // only work due later sets an earlier alarm.
        if let due = try? store.nextDueTime(), TransitionBuilder.milliseconds(due) > now {
            deadline = min(deadline, TransitionBuilder.milliseconds(due))
        }
        let clock = self.clock
        let wakeAt = deadline
        sleepGeneration += 1
        let generation = sleepGeneration
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            wakeUp = continuation
            sleeper = Task { [weak self] in
                try? await clock.sleepUntil(wakeAt)
                await self?.alarm(generation)
            }
        }
        sleeper?.cancel()
        sleeper = nil
    }

    func wake() {
        wakeUp?.resume()
        wakeUp = nil
    }

    /// Ends the wait it was set for, and no later one: a sleeper whose wait
    /// already ended must not cut the next wait short.
    private func alarm(_ generation: Int) {
        guard generation == sleepGeneration else { return }
        wake()
    }
}
