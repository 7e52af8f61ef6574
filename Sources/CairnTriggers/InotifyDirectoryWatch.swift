// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// The inotify side of a file-drop watcher: one instance, a watch on the
/// watched directory and, for recursive triggers, on each accepted
/// subdirectory (including ones created later), and the translation of raw
/// events into ``FileDropChange`` values.
final class InotifyDirectoryWatch {
    private let configuration: FileDropConfiguration
    private let instance: InotifyInstance
    /// Watch descriptor to the directory it watches, relative.
    private var directories: [Int32: String] = [:]

    /// Opens an instance; call ``scan()`` next to add the watches.
    ///
    /// - Throws: `FileDropError` with code `watchFailed` when inotify cannot be set up.
    init(configuration: FileDropConfiguration) throws(FileDropError) {
        self.configuration = configuration
        self.instance = try InotifyInstance()
    }

    /// The descriptor to wait on.
    var descriptor: Int32 { self.instance.descriptor }

    /// Watches every directory of the trigger and reports every file in them
    /// as seen; used at start and after a queue overflow. A watch is added
    /// before its directory is listed, so no file falls between the two.
    ///
    /// - Throws: `FileDropError` with code `watchFailed` (such as `ENOSPC`)
    ///   or `directoryUnreadable`.
    func scan(from start: String = "") throws(FileDropError) -> [FileDropChange] {
        let listing = try DirectoryPoller.walk(self.configuration, from: start) {
            directory throws(FileDropError) in
            try self.watch(directory)
        }
        return listing.files.keys.sorted().map { FileDropChange.seen($0) }
    }

    private func watch(_ directory: String) throws(FileDropError) {
        let path = self.configuration.absolutePath(directory)
        let watch: Int32
        do {
            watch = try self.instance.addWatch(path, mask: .fileDrop)
        } catch {
            // A subdirectory that vanished before it could be watched is no failure.
            let isGone = error.errorNumber == ENOENT || error.errorNumber == ENOTDIR
            if isGone && !directory.isEmpty { return }
            throw error
        }
        self.directories[watch] = directory
    }

    /// The changes among the events queued now; none when the queue is empty.
    ///
    /// - Returns: The changes, and whether the queue overflowed, so events were
    ///   lost and the caller must ``scan()`` again.
    /// - Throws: `FileDropError` with code `watchFailed` when reading fails or
    ///   a new subdirectory cannot be watched, `directoryUnreadable` when the
    ///   watched directory was removed or moved away.
    func readChanges() throws(FileDropError) -> (changes: [FileDropChange], overflowed: Bool) {
        var changes: [FileDropChange] = []
        var overflowed = false
        for event in try self.instance.readAvailableEvents() {
            if event.mask.contains(.queueOverflow) {
                overflowed = true
            } else if let directory = self.directories[event.watchDescriptor] {
                changes += try self.translate(event, in: directory)
            }
        }
        return (changes, overflowed)
    }

    private func translate(
        _ event: InotifyEvent,
        in directory: String
    ) throws(FileDropError) -> [FileDropChange] {
        if event.mask.contains(.ignored) {
            self.directories[event.watchDescriptor] = nil
        }
        guard !event.name.isEmpty else {
            let isGone = event.mask.contains(.deleteSelf) || event.mask.contains(.moveSelf)
            if directory.isEmpty && (isGone || event.mask.contains(.ignored)) {
                throw FileDropError(
                    code: .directoryUnreadable,
                    message: "the watched directory '\(self.configuration.directory)' went away"
                )
            }
            return []
        }
        let path = directory.isEmpty ? event.name : directory + "/" + event.name
        if event.mask.contains(.isDirectory) {
            return try self.translateDirectory(event, path)
        }
        return self.translateFile(event, path)
    }

    private func translateDirectory(
        _ event: InotifyEvent,
        _ path: String
    ) throws(FileDropError) -> [FileDropChange] {
        if event.mask.contains(.create) || event.mask.contains(.movedTo) {
            guard self.configuration.acceptsDirectory(path) else { return [] }
            return try self.scan(from: path)
        }
        if event.mask.contains(.delete) || event.mask.contains(.movedFrom) {
            let prefix = path + "/"
            let gone = self.directories.filter { $0.value == path || $0.value.hasPrefix(prefix) }
            for watch in gone.keys {
                self.instance.removeWatch(watch)
                self.directories[watch] = nil
            }
            return [.removedDirectory(path)]
        }
        return []
    }

    private func translateFile(_ event: InotifyEvent, _ path: String) -> [FileDropChange] {
        let mask = event.mask
        var changes: [FileDropChange] = []
        if mask.contains(.create) {
            // A hard or symbolic link arrives whole; only a new inode has a writer.
            let status = FileDropFileStatus.read(self.configuration.absolutePath(path))
            let isLink = status.map { $0.isSymbolicLink || $0.linkCount > 1 } ?? false
            changes.append(isLink ? .seen(path) : .written(path))
        }
        if mask.contains(.modify) { changes.append(.written(path)) }
        if mask.contains(.attributes) { changes.append(.touched(path)) }
        if mask.contains(.closeWrite) { changes.append(.closed(path)) }
        if mask.contains(.movedTo) { changes.append(.movedIn(path)) }
        if mask.contains(.delete) || mask.contains(.movedFrom) { changes.append(.removed(path)) }
        return changes
    }
}
