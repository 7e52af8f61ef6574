// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension SQLiteConnection {
    /// When a transaction takes its locks; see
    /// [BEGIN TRANSACTION](https://www.sqlite.org/lang_transaction.html).
    public enum TransactionKind: Sendable, Hashable {
        /// `BEGIN DEFERRED`: locks are taken by the first read or write. Fine for reads;
        /// a write that follows a read may fail with `SQLITE_BUSY` without waiting.
        case deferred
        /// `BEGIN IMMEDIATE`: the write lock is taken at once, so the busy timeout applies
        /// there and a write transaction never fails half-way for a lock. Use it for writes.
        case immediate
        /// `BEGIN EXCLUSIVE`: like `immediate`; in WAL mode it is the same.
        case exclusive

        var keyword: String {
            switch self {
            case .deferred: "DEFERRED"
            case .immediate: "IMMEDIATE"
            case .exclusive: "EXCLUSIVE"
            }
        }
    }
}
