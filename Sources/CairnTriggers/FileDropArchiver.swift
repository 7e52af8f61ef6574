// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Glibc

/// Moves dropped files through `processing/` into `done/` or `failed/`, inside
/// the watched directory, keeping their path relative to it.
///
/// A move never replaces a file: when the name is taken, `-1`, `-2`, ... is
/// added before the extension (`sales.csv` becomes `sales-1.csv`). Moves are
/// renames, so the folders must be on the watched directory's file system.
///
/// ```swift
/// let archiver = FileDropArchiver(configuration: settings)
/// let claimed = try archiver.claim(candidate)       // before the execution
/// // ... the execution runs on `claimed` ...
/// try archiver.finish(claimedPath: claimed, succeeded: true)
/// ```
public struct FileDropArchiver: Sendable {
    /// The watched directory.
    public let directory: String

    /// Archives inside `directory`.
    ///
    /// - Parameter directory: The watched directory, absolute.
    public init(directory: String) {
        self.directory = directory
    }

    /// Archives inside the trigger's watched directory.
    public init(configuration: FileDropConfiguration) {
        self.init(directory: configuration.directory)
    }

    /// Where files wait while their execution runs.
    public var processingDirectory: String { self.directory + "/processing" }
    /// Where files go when their execution succeeded.
    public var doneDirectory: String { self.directory + "/done" }
    /// Where files go when their execution failed, timed out or was aborted.
    public var failedDirectory: String { self.directory + "/failed" }

    /// Moves a ready file into `processing/` and deletes its marker, if any, so
    /// a later file of the same name does not find an old marker.
    ///
    /// - Parameter candidate: The file, as the watcher offered it.
    /// - Returns: The file's path in `processing/`.
    /// - Throws: `FileDropError` with code `archiveFailed` when the file is
    ///   gone or cannot be moved.
    @discardableResult
    public func claim(_ candidate: FileDropCandidate) throws(FileDropError) -> String {
        let claimed = try self.move(
            candidate.path,
            to: self.processingDirectory + "/" + candidate.relativePath
        )
        if let marker = candidate.markerPath { _ = unlink(marker) }
        return claimed
    }

    /// Moves a claimed file from `processing/` into `done/` or `failed/`.
    ///
    /// - Parameters:
    ///   - claimedPath: The path that ``claim(_:)`` returned.
    ///   - succeeded: Whether the execution succeeded.
    /// - Returns: The file's new path.
    /// - Throws: `FileDropError` with code `archiveFailed` when the path is
    ///   not in `processing/` or cannot be moved.
    @discardableResult
    public func finish(claimedPath: String, succeeded: Bool) throws(FileDropError) -> String {
        let relative = try self.relativePath(ofClaimed: claimedPath)
        let folder = succeeded ? self.doneDirectory : self.failedDirectory
        return try self.move(claimedPath, to: folder + "/" + relative)
    }

    /// Moves a claimed file back into the watched directory, where it will be
    /// offered again; for a claim whose execution was never recorded (the
    /// daemon stopped between the two).
    ///
    /// - Parameter claimedPath: A path in `processing/`.
    /// - Returns: The file's path in the watched directory.
    /// - Throws: `FileDropError` with code `archiveFailed`.
    @discardableResult
    public func release(claimedPath: String) throws(FileDropError) -> String {
        let relative = try self.relativePath(ofClaimed: claimedPath)
        return try self.move(claimedPath, to: self.directory + "/" + relative)
    }

    /// The files in `processing/`, absolute and sorted; after a restart, each
    /// either belongs to a recorded execution or should be released.
    ///
    /// - Throws: `FileDropError` with code `archiveFailed` when the folder
    ///   exists but cannot be listed.
    public func claimedFiles() throws(FileDropError) -> [String] {
        let root = self.processingDirectory
        guard FileManager.default.fileExists(atPath: root) else { return [] }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw FileDropError(code: .archiveFailed, message: "cannot list '\(root)'")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            if FileDropFileStatus.read(path)?.kind == .regularFile { files.append(path) }
        }
        return files.sorted()
    }

    private func relativePath(ofClaimed path: String) throws(FileDropError) -> String {
        let prefix = self.processingDirectory + "/"
        guard path.hasPrefix(prefix), path.count > prefix.count else {
            throw FileDropError(
                code: .archiveFailed,
                message: "'\(path)' is not in '\(self.processingDirectory)'"
            )
        }
        return String(path.dropFirst(prefix.count))
    }

    // MARK: - Moving without overwriting

    /// Renames `source` to `target`, or to the first free `target` with a
    /// numbered suffix, creating the target's folders.
    func move(_ source: String, to target: String) throws(FileDropError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true
            )
        } catch {
            throw FileDropError(
                code: .archiveFailed,
                message: "cannot create '\(folder)': \(error.localizedDescription)"
            )
        }
        for attempt in 0..<10_000 {
            let candidate = FileDropArchiver.numbered(target, attempt)
            let outcome = FileDropArchiver.renameWithoutReplacing(source, candidate)
            if outcome == 0 { return candidate }
            guard outcome == EEXIST else {
                throw FileDropError(
                    code: .archiveFailed,
                    message: "cannot move '\(source)' to '\(candidate)'",
                    errorNumber: outcome,
                    function: "renameat2"
                )
            }
        }
        throw FileDropError(code: .archiveFailed, message: "no free name for '\(target)'")
    }

    /// `path` with `-attempt` before its extensions; `path` itself for attempt 0.
    static func numbered(_ path: String, _ attempt: Int) -> String {
        guard attempt > 0 else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        // The extension starts at the first dot after the first character,
        // so `.env` and `archive.tar.gz` keep theirs whole.
        let dot = name.dropFirst().firstIndex(of: ".") ?? name.endIndex
        return String(path[..<dot]) + "-\(attempt)" + String(path[dot...])
    }

    typealias RenameAt2 =
        @Sendable @convention(c) (
            Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
        ) -> Int32

    /// `renameat2(2)`, looked up by name because Swift's Glibc module does not import it.
    static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Renames unless `target` exists; returns 0 or the `errno` value.
    ///
    /// `renameat2(RENAME_NOREPLACE)` checks and renames in one step. Where the
    /// file system lacks it, `link(2)` then `unlink(2)` does the same, as
    /// `link` fails with `EEXIST` rather than replace.
    static func renameWithoutReplacing(_ source: String, _ target: String) -> Int32 {
        let renameNoReplace: UInt32 = 1
        let currentDirectory: Int32 = -100
        if let renameAt2 {
            if renameAt2(currentDirectory, source, currentDirectory, target, renameNoReplace) == 0 {
                return 0
            }
            let number = errno
            guard number == EINVAL || number == ENOSYS else { return number }
        }
        guard link(source, target) == 0 else { return errno }
        _ = unlink(source)
        return 0
    }
}
