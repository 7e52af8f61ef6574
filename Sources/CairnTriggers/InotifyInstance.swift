// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// An inotify instance: the descriptor from `inotify_init1(2)` and its watches
/// (https://man7.org/linux/man-pages/man7/inotify.7.html).
///
/// The object owns the descriptor and closes it in `deinit`. It is used from
/// one thread at a time; the watcher that holds it serialises access.
final class InotifyInstance {
    /// The descriptor, non-blocking and close-on-exec, for `poll(2)` to wait on.
    let descriptor: Int32

    /// Opens an instance with `inotify_init1(IN_NONBLOCK | IN_CLOEXEC)`.
    ///
    /// - Throws: `FileDropError` with code `watchFailed`, for example when the
    ///   per-user instance limit (`EMFILE`) is reached.
    init() throws(FileDropError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw FileDropError(
                code: .watchFailed,
                message: "cannot open an inotify instance",
                errorNumber: errno,
                function: "inotify_init1"
            )
        }
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    /// Watches a directory with `inotify_add_watch(2)`.
    ///
    /// Watching a directory that is already watched returns its descriptor again.
    ///
    /// - Parameters:
    ///   - path: The directory.
    ///   - mask: The events to report.
    /// - Returns: The watch descriptor that its events carry.
    /// - Throws: `FileDropError` with code `watchFailed`; `errorNumber` is
    ///   `ENOSPC` when the per-user watch limit is reached, `ENOTDIR` or
    ///   `ENOENT` when the directory is gone.
    func addWatch(_ path: String, mask: InotifyEvent.Mask) throws(FileDropError) -> Int32 {
        let watch = inotify_add_watch(self.descriptor, path, mask.rawValue)
        guard watch >= 0 else {
            throw FileDropError(
                code: .watchFailed,
                message: "cannot watch '\(path)'",
                errorNumber: errno,
                function: "inotify_add_watch"
            )
        }
        return watch
    }

    /// Stops a watch with `inotify_rm_watch(2)`; the kernel then queues `IN_IGNORED`.
    func removeWatch(_ watch: Int32) {
        _ = inotify_rm_watch(self.descriptor, watch)
    }

    /// Reads every event queued now, without waiting.
    ///
    /// - Throws: `FileDropError` with code `watchFailed` when `read(2)` fails
    ///   for a reason other than an empty queue.
    func readAvailableEvents() throws(FileDropError) -> [InotifyEvent] {
        // Big enough for hundreds of events per read; one event may need up to
        // NAME_MAX + 1 bytes of name after its header.
        let capacity = 64 * 1024
        var events: [InotifyEvent] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(self.descriptor, buffer.baseAddress, capacity)
            if count > 0 {
                events += InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                continue
            }
            let number = errno
            if count < 0 && number == EINTR { continue }
            if count == 0 || number == EAGAIN || number == EWOULDBLOCK { return events }
            throw FileDropError(
                code: .watchFailed,
                message: "cannot read inotify events",
                errorNumber: number,
                function: "read"
            )
        }
    }
}
