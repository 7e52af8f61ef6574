// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// What `stat(2)` says about a file, reduced to what tells whether it changed.
struct FileDropFileStatus: Sendable, Hashable {
    /// Whether the path names a regular file, a directory, or something else.
    enum Kind: Sendable, Hashable {
        case regularFile
        case directory
        case other
    }

    var kind: Kind
    var size: Int64
    /// `st_mtim` in nanoseconds since the epoch.
    var modificationTime: Int64
    var inode: UInt64
    var device: UInt64
    /// `st_nlink`; more than one means the file was linked in, not written.
    var linkCount: UInt64
    /// Whether the path itself is a symbolic link (the other fields describe its target).
    var isSymbolicLink: Bool

    /// Whether the content may differ from `other`'s: size, time or identity changed.
    func differs(from other: FileDropFileStatus) -> Bool {
        self.size != other.size || self.modificationTime != other.modificationTime
            || self.inode != other.inode || self.device != other.device
    }

    /// The status of `path`, following a final symbolic link, or `nil` when the
    /// path (or the link's target) does not exist or cannot be read.
    static func read(_ path: String) -> FileDropFileStatus? {
        var linkInfo = stat()
        guard lstat(path, &linkInfo) == 0 else { return nil }
        let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
        var info = linkInfo
        if isLink {
            guard stat(path, &info) == 0 else { return nil }
        }
        let format = info.st_mode & S_IFMT
        let kind: Kind =
            switch format {
            case S_IFREG: .regularFile
            case S_IFDIR: .directory
            default: .other
            }
        return FileDropFileStatus(
            kind: kind,
            size: Int64(info.st_size),
            modificationTime: Int64(info.st_mtim.tv_sec) * 1_000_000_000
                + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino),
            device: UInt64(info.st_dev),
            linkCount: UInt64(info.st_nlink),
            isSymbolicLink: isLink
        )
    }
}
