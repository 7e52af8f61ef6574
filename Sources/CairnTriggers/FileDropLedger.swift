// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The record of drops that already started an execution, which makes a file
/// fire once per content across restarts.
///
/// The daemon implements it over its store. It must record a drop's
/// fingerprint in the same transaction that creates the drop's execution, with
/// a unique key on (trigger, ``FileDropFingerprint/dropKey``), and skip the
/// candidate when that key is taken: the watcher consults the ledger before
/// it offers a file, but only the transaction makes the check and the record
/// one step.
///
/// ```swift
/// struct StoreLedger: FileDropLedger {
///     let store: SQLiteStore
///     func hasFired(trigger: String, fingerprint: FileDropFingerprint) throws -> Bool {
///         try store.hasFileDrop(trigger: trigger, key: fingerprint.dropKey)
///     }
/// }
/// ```
public protocol FileDropLedger: Sendable {
    /// Whether this trigger already fired for the same drop: the same path
    /// with the same SHA-256 (see ``FileDropFingerprint``), whatever its
    /// modification time.
    ///
    /// - Parameters:
    ///   - trigger: The trigger's ``FileDropConfiguration/triggerID``.
    ///   - fingerprint: The complete file.
    /// - Throws: The store's error; the watcher passes it on and keeps the file
    ///   pending.
    func hasFired(trigger: String, fingerprint: FileDropFingerprint) throws -> Bool
}
