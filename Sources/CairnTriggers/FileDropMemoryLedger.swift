// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// A ledger kept in memory, for tests and for runs that need no restart.
///
/// ```swift
/// let ledger = FileDropMemoryLedger()
/// if ledger.record(trigger: candidate.triggerID, fingerprint: candidate.fingerprint) {
///     start(candidate)
/// }
/// ```
public final class FileDropMemoryLedger: FileDropLedger {
    private let keys = Mutex<[String: Set<String>]>([:])

    public init() {}

    public func hasFired(trigger: String, fingerprint: FileDropFingerprint) -> Bool {
        self.keys.withLock { $0[trigger]?.contains(fingerprint.dropKey) == true }
    }

    /// Records a drop, as a store's unique key would.
    ///
    /// - Parameters:
    ///   - trigger: The trigger's id.
    ///   - fingerprint: The drop.
    /// - Returns: `false` when the same drop was already recorded.
    @discardableResult
    public func record(trigger: String, fingerprint: FileDropFingerprint) -> Bool {
        self.keys.withLock { $0[trigger, default: []].insert(fingerprint.dropKey).inserted }
    }

    /// How many drops are recorded for `trigger`.
    public func count(trigger: String) -> Int {
        self.keys.withLock { $0[trigger]?.count ?? 0 }
    }
}
