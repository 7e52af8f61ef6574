// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Finds changes in a watched directory by scanning it and comparing each
/// file's size, modification time and identity with the previous scan.
///
/// Polling is the fallback for file systems where inotify misses changes; it
/// is also how the inotify watcher takes stock at start and after a queue
/// overflow (``walk(_:)``).
struct DirectoryPoller {
    /// What one scan found.
    struct Listing {
        /// Regular files the trigger cares about (data files and their markers).
        var files: [String: FileDropFileStatus] = [:]
        /// Watched directories, relative; `""` is the watched directory itself.
        var directories: [String] = []
    }

    let configuration: FileDropConfiguration
    private var snapshot: [String: FileDropFileStatus] = [:]

    init(configuration: FileDropConfiguration) {
        self.configuration = configuration
    }

    /// Scans the directory and reports files that appeared, changed or went away
    /// since the last scan; the first scan reports every file as seen.
    ///
    /// - Throws: `FileDropError` with code `directoryUnreadable` when the
    ///   watched directory cannot be listed.
    mutating func scan() throws(FileDropError) -> [FileDropChange] {
        let listing = try DirectoryPoller.walk(self.configuration)
        var changes: [FileDropChange] = []
        for (path, status) in listing.files.sorted(by: { $0.key < $1.key }) {
            let previous = self.snapshot[path]
            if previous == nil || previous?.differs(from: status) == true {
                changes.append(.seen(path))
            }
        }
        for path in self.snapshot.keys.sorted() where listing.files[path] == nil {
            changes.append(.removed(path))
        }
        self.snapshot = listing.files
        return changes
    }

    /// Lists the watched directory, and its accepted subdirectories when the
    /// trigger is recursive.
    ///
    /// - Parameters:
    ///   - configuration: The trigger, which says which names count.
    ///   - start: The directory to list, relative; `""` for the watched one.
    ///   - visitDirectory: Called with each directory before it is listed, so a
    ///     watch added there misses nothing created while the walk goes on.
    /// - Throws: `FileDropError` with code `directoryUnreadable` when the
    ///   watched directory itself cannot be listed (a subdirectory that
    ///   vanishes during the walk is skipped), or what `visitDirectory` throws.
    static func walk(
        _ configuration: FileDropConfiguration,
        from start: String = "",
        visitDirectory: (String) throws(FileDropError) -> Void = { _ in }
    ) throws(FileDropError) -> Listing {
        var listing = Listing()
        var pending = [start]
        while let directory = pending.popLast() {
            try visitDirectory(directory)
            guard let names = try listNames(configuration, directory) else { continue }
            listing.directories.append(directory)
            for name in names {
                let path = directory.isEmpty ? name : directory + "/" + name
                guard let status = FileDropFileStatus.read(configuration.absolutePath(path))
                else { continue }
                switch status.kind {
                case .directory where !status.isSymbolicLink:
                    if configuration.acceptsDirectory(path) { pending.append(path) }
                case .regularFile where configuration.isRelevant(path):
                    listing.files[path] = status
                default:
                    break
                }
            }
        }
        return listing
    }

    /// The names in a directory, sorted; `nil` for a subdirectory that is gone.
    private static func listNames(
        _ configuration: FileDropConfiguration,
        _ directory: String
    ) throws(FileDropError) -> [String]? {
        do {
            return try FileManager.default.contentsOfDirectory(
                atPath: configuration.absolutePath(directory)
            ).sorted()
        } catch {
            guard directory.isEmpty else { return nil }
            throw FileDropError(
                code: .directoryUnreadable,
                message: "cannot list the watched directory '\(configuration.directory)': "
                    + error.localizedDescription
            )
        }
    }
}
