// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension SQLiteStore {
    /// How an `SQLiteStore` trades durability for speed, and how long it waits for locks.
    public struct Options: Sendable, Hashable {
        /// SQLite's [`synchronous`](https://www.sqlite.org/pragma.html#pragma_synchronous)
        /// setting, in WAL mode.
        public enum Synchronous: String, Sendable, Hashable {
            /// `FULL`: every commit is synced to disk before it returns, so a transition
            /// reported done survives a power cut or an operating-system crash. The
            /// default, and what Cairn's durability promise assumes.
            case full = "FULL"
            /// `NORMAL`: the WAL is synced only at checkpoints. Commits are faster and
            /// survive a crash of Cairn itself, and the database never corrupts, but a
            /// power cut or operating-system crash can undo the last commits; an
            /// execution may then resume from an earlier step and run a task again.
            case normal = "NORMAL"
        }

        /// Durability of each commit; `full` unless you accept the trade above.
        public var synchronous: Synchronous

        /// How long a write waits for another process's lock before failing with
        /// `CairnStorageError.Code.busy`.
        public var busyTimeout: Duration

        /// Creates options; the defaults are `synchronous = FULL` and a 5-second wait.
        public init(synchronous: Synchronous = .full, busyTimeout: Duration = .seconds(5)) {
            self.synchronous = synchronous
            self.busyTimeout = busyTimeout
        }
    }
}
