// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// What identifies one drop: where the file was, how big, when last
/// modified, and the SHA-256 of its content.
///
/// Two fingerprints are **the same drop** when their ``path`` and ``sha256``
/// are equal (``dropKey``): size follows from the content, and a modification
/// time that alone changed is a touch, not new content. A different SHA-256 at
/// the same path is a new drop. The same content at another path is another
/// drop too, since it is another file. Size and time are recorded for people
/// and for cheap change checks, not for identity.
public struct FileDropFingerprint: Sendable, Hashable, Codable {
    /// The absolute path at which the file completed.
    public var path: String
    /// The size in bytes.
    public var size: Int64
    /// The modification time (`st_mtim`) in nanoseconds since the epoch.
    public var modificationTime: Int64
    /// The SHA-256 of the content, in lower-case hexadecimal.
    public var sha256: String

    public init(path: String, size: Int64, modificationTime: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.modificationTime = modificationTime
        self.sha256 = sha256
    }

    /// The modification time as a date, to microsecond precision.
    public var modificationDate: Date {
        Date(timeIntervalSince1970: Double(self.modificationTime) / 1_000_000_000)
    }

    /// The part that decides whether two fingerprints are the same drop:
    /// ``path`` and ``sha256`` joined by a NUL, which no path contains.
    ///
    /// A store can keep it in a column with a unique index per trigger.
    public var dropKey: String {
        self.path + "\u{0}" + self.sha256
    }

    /// Whether `other` is the same drop: same path, same content.
    public func isSameDrop(as other: FileDropFingerprint) -> Bool {
        self.path == other.path && self.sha256 == other.sha256
    }
}
