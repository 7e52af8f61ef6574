// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// One `struct inotify_event` read from an inotify instance (inotify(7),
/// https://man7.org/linux/man-pages/man7/inotify.7.html).
struct InotifyEvent: Sendable, Hashable {
    /// The `IN_*` bits of an event or of a watch.
    struct Mask: OptionSet, Sendable, Hashable {
        var rawValue: UInt32

        static let modify = Mask(rawValue: UInt32(IN_MODIFY))
        static let attributes = Mask(rawValue: UInt32(IN_ATTRIB))
        static let closeWrite = Mask(rawValue: UInt32(IN_CLOSE_WRITE))
        static let movedFrom = Mask(rawValue: UInt32(IN_MOVED_FROM))
        static let movedTo = Mask(rawValue: UInt32(IN_MOVED_TO))
        static let create = Mask(rawValue: UInt32(IN_CREATE))
        static let delete = Mask(rawValue: UInt32(IN_DELETE))
        static let deleteSelf = Mask(rawValue: UInt32(IN_DELETE_SELF))
        static let moveSelf = Mask(rawValue: UInt32(IN_MOVE_SELF))
        static let queueOverflow = Mask(rawValue: UInt32(IN_Q_OVERFLOW))
        static let ignored = Mask(rawValue: UInt32(IN_IGNORED))
        static let isDirectory = Mask(rawValue: UInt32(IN_ISDIR))
        static let onlyDirectory = Mask(rawValue: UInt32(IN_ONLYDIR))

        /// What a file-drop watch asks for on each directory.
        static let fileDrop: Mask = [
            .modify, .attributes, .closeWrite, .movedFrom, .movedTo, .create, .delete,
            .deleteSelf, .moveSelf, .onlyDirectory,
        ]
    }

    /// The watch descriptor the event belongs to; -1 for a queue overflow.
    var watchDescriptor: Int32
    var mask: Mask
    /// Pairs the `IN_MOVED_FROM` and `IN_MOVED_TO` halves of one rename.
    var cookie: UInt32
    /// The entry's name within the watched directory; empty for the directory itself.
    var name: String

    /// Splits a buffer filled by `read(2)` into events.
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let headerSize = MemoryLayout<inotify_event>.size
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= buffer.count {
            let descriptor = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + length, buffer.count)
            // The name is NUL-padded to an alignment boundary.
            let nameBytes = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    watchDescriptor: descriptor,
                    mask: Mask(rawValue: mask),
                    cookie: cookie,
                    name: String(decoding: nameBytes, as: UTF8.self)
                )
            )
            offset = nameStart + length
        }
        return events
    }
}
