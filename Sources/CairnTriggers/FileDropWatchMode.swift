// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// How a file-drop watcher learns about changes in its directory.
public enum FileDropWatchMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// inotify(7): changes arrive as they happen. Fails when inotify cannot be set up.
    case inotify
    /// A periodic scan that compares each file's size and modification time.
    /// Works on every file system, including network ones, at the cost of latency.
    case poll
    /// inotify where it is reliable, polling where it is not: on NFS, CIFS/SMB,
    /// FUSE, 9p and other file systems whose remote changes inotify never sees,
    /// and whenever inotify cannot be set up (for example `ENOSPC` when the
    /// per-user watch limit is reached).
    case auto
}
