// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// Tells whether inotify sees every change on the file system that holds a path.
///
/// inotify reports only changes made through the local kernel; on network and
/// user-space file systems a file written by another machine or by the FUSE
/// server shows no event. Those are recognised by `statfs(2)`'s `f_type`
/// (https://man7.org/linux/man-pages/man2/statfs.2.html).
enum InotifySupport {
    /// `f_type` magic numbers of file systems where inotify misses changes, by name.
    static let unreliableFileSystems: [Int: String] = [
        0x6969: "nfs",
        0x517B: "smb",
        0xFF53_4D42: "cifs",
        0xFE53_4D42: "smb2",
        0x6573_5546: "fuse",
        0x0102_1997: "9p",
        0x00C3_6400: "ceph",
        0x5346_414F: "afs",
        0x7375_7245: "coda",
        0x0BD0_0BD0: "lustre",
        0x4750_4653: "gpfs",
    ]

    typealias StatFS =
        @Sendable @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Int32

    /// `statfs(2)`, looked up by name: Swift's Glibc module does not import
    /// `<sys/vfs.h>`. It is `nil` on a C library without it.
    static let statFS: StatFS? = {
        // A nil handle is RTLD_DEFAULT: search the libraries already loaded.
        guard let symbol = dlsym(nil, "statfs") else { return nil }
        return unsafeBitCast(symbol, to: StatFS.self)
    }()

    /// The `f_type` of the file system holding `path`, or `nil` when unknown.
    static func fileSystemType(at path: String) -> Int? {
        guard let statFS else { return nil }
        // struct statfs is 120 bytes on 64-bit Linux and f_type (__fsword_t,
        // a C long) is its first field on every Linux architecture.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
        guard statFS(path, buffer) == 0 else { return nil }
        return buffer.load(as: Int.self) & 0xFFFF_FFFF
    }

    /// The name of the file system holding `path` when inotify is unreliable
    /// there, or `nil` when inotify can be trusted (or the type is unknown).
    static func unreliableFileSystem(at path: String) -> String? {
        fileSystemType(at: path).flatMap { unreliableFileSystems[$0] }
    }
}
