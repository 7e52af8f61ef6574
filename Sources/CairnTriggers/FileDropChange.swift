// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Something that happened to a file, as inotify or a scan tells it; paths
/// are relative to the watched directory.
enum FileDropChange: Sendable, Hashable {
    /// Created or written (`IN_CREATE`, `IN_MODIFY`): a writer has it open.
    case written(String)
    /// Closed after writing (`IN_CLOSE_WRITE`).
    case closed(String)
    /// Renamed or moved into the directory (`IN_MOVED_TO`).
    case movedIn(String)
    /// Attributes changed (`IN_ATTRIB`), as by `touch`.
    case touched(String)
    /// Found, new or changed, by a scan; nothing is known about its writer.
    case seen(String)
    /// Deleted or moved away (`IN_DELETE`, `IN_MOVED_FROM`), or missing from a scan.
    case removed(String)
    /// A subdirectory was deleted or moved away, with everything in it.
    case removedDirectory(String)
}
