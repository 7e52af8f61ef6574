// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The right to run a database's executions, held by one process at a time.
///
/// It is an advisory `flock(2)` on `<database>.lock`, which the kernel
/// releases when the process dies however it dies, so a crash never leaves a
/// stale lock. The file holds the owner's process id for messages.
public final class DaemonLock: Sendable {
    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock of the database at `databasePath` if no other process
    /// holds it.
    ///
    /// - Returns: The lock, or `nil` when another process holds it.
    /// - Throws: `CairnRuntimeError` when the lock file cannot be opened.
    public static func acquire(databasePath: String) throws -> DaemonLock? {
        let path = databasePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CairnRuntimeError(
                code: .storage,
                message: "cannot open the lock file '\(path)': \(String(cString: strerror(errno)))"
            )
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return DaemonLock(descriptor: descriptor, path: path)
    }

    /// The process id written by the lock's current holder, if readable.
    public static func holder(databasePath: String) -> Int32? {
        guard let text = try? String(contentsOfFile: databasePath + ".lock", encoding: .utf8)
        else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
