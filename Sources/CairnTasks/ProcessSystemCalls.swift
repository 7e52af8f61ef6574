// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// glibc functions that Swift's `Glibc` module hides, looked up by name.
///
/// The module is built without `_GNU_SOURCE`, so `pipe2(2)`, `pidfd_open(2)`,
/// `posix_spawn_file_actions_addchdir_np(3)` and
/// `posix_spawn_file_actions_addclosefrom_np(3)` are declared by the headers
/// but not imported. They are part of glibc 2.36's ABI, so `dlsym(3)` finds
/// them; each is `nil` on a C library that lacks it, and callers degrade.
enum ProcessSystemCalls {
    typealias Pipe2 = @Sendable @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias PidFDOpen = @Sendable @convention(c) (pid_t, UInt32) -> Int32
    typealias AddChdir =
        @Sendable @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>?,
            UnsafePointer<CChar>?
        ) -> Int32
    typealias AddCloseFrom =
        @Sendable @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>?,
            Int32
        ) -> Int32

    /// `pipe2(2)`, which sets `O_CLOEXEC` atomically with creating the pipe.
    static let pipe2 = lookUp("pipe2", as: Pipe2.self)
    /// `pidfd_open(2)`, a descriptor that becomes readable when a process exits.
    static let pidFDOpen = lookUp("pidfd_open", as: PidFDOpen.self)
    /// `posix_spawn_file_actions_addchdir_np(3)`, since glibc 2.29.
    static let addChdir = lookUp("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    /// `posix_spawn_file_actions_addclosefrom_np(3)`, since glibc 2.34.
    static let addCloseFrom = lookUp(
        "posix_spawn_file_actions_addclosefrom_np",
        as: AddCloseFrom.self
    )

    private static func lookUp<Function>(_ name: String, as type: Function.Type) -> Function? {
        // A nil handle is RTLD_DEFAULT: search the libraries already loaded.
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Makes a pipe whose two ends are closed on `exec`.
    ///
    /// Without `pipe2` another thread's spawn could inherit the ends between
    /// `pipe` and `fcntl`; ``ProcessSpawner`` also closes every inherited
    /// descriptor above 2 in the child when it can, which covers that gap.
    static func makePipe() throws(ProcessRunnerError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        let status =
            if let pipe2 {
                pipe2(&ends, O_CLOEXEC)
            } else {
                pipe(&ends)
            }
        guard status == 0 else {
            throw ProcessRunnerError(
                code: .systemCallFailed,
                message: "could not create a pipe for the process",
                errorNumber: errno
            )
        }
        if pipe2 == nil {
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }

    /// Adds `O_NONBLOCK` to a descriptor the runner polls.
    static func setNonBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 {
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        }
    }
}
