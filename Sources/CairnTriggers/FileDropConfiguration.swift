// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The settings of one file-drop trigger.
///
/// ```swift
/// let settings = try FileDropConfiguration(
///     triggerID: "nightly-training/incoming-csv",
///     directory: "/data/incoming",
///     pattern: GlobPattern("*.csv"),
///     completionRules: [.rename, .settle],
///     settlePeriod: .seconds(10)
/// )
/// ```
public struct FileDropConfiguration: Sendable, Hashable {
    /// The names of the folders inside ``directory`` that archiving uses.
    public static let archiveFolderNames: Set<String> = ["processing", "done", "failed"]

    /// Names the trigger in the ledger; drops are counted once per trigger.
    public var triggerID: String
    /// The watched directory, as an absolute path without a trailing `/`.
    public var directory: String
    /// Which files belong to the trigger.
    public var pattern: GlobPattern
    /// Whether subdirectories, including ones created later, are watched too.
    public var isRecursive: Bool
    /// Which signals make a file complete; at least one.
    public var completionRules: Set<FileDropCompletionRule>
    /// How long a file must stay unchanged to settle.
    public var settlePeriod: Duration
    /// The companion file's suffix for the `marker` rule, such as `.done`.
    public var markerSuffix: String
    /// How changes are noticed.
    public var mode: FileDropWatchMode
    /// How often polling scans the directory.
    public var pollInterval: Duration
    /// Whether hidden and temporary names are skipped (see
    /// ``GlobPattern/isHiddenOrTemporary(_:)``); hidden folders are then not entered.
    public var ignoresHiddenAndTemporaryFiles: Bool
    /// Whether files are moved into `processing/`, `done/` and `failed/`
    /// inside ``directory``; those folders are then never watched.
    public var isArchiving: Bool

    /// Checks and stores a trigger's settings.
    ///
    /// - Parameters:
    ///   - triggerID: Names the trigger in the ledger.
    ///   - directory: The watched directory; a trailing `/` is dropped.
    ///   - pattern: Which files belong to the trigger.
    ///   - isRecursive: Whether subdirectories are watched too.
    ///   - completionRules: Which signals make a file complete.
    ///   - settlePeriod: How long a file must stay unchanged to settle.
    ///   - markerSuffix: The companion file's suffix for the `marker` rule.
    ///   - mode: inotify, polling, or inotify with a fallback to polling.
    ///   - pollInterval: How often polling scans.
    ///   - ignoresHiddenAndTemporaryFiles: Whether `.x`, `x~`, `x.part`, `x.tmp` are skipped.
    ///   - isArchiving: Whether files move through `processing/`, `done/`, `failed/`.
    /// - Throws: `FileDropError` with code `invalidConfiguration` when the
    ///   directory is not absolute, no rule is given, a period is not
    ///   positive, or the marker rule has an empty suffix.
    public init(
        triggerID: String,
        directory: String,
        pattern: GlobPattern,
        isRecursive: Bool = false,
        completionRules: Set<FileDropCompletionRule> = [.rename, .settle],
        settlePeriod: Duration = .seconds(5),
        markerSuffix: String = ".done",
        mode: FileDropWatchMode = .auto,
        pollInterval: Duration = .seconds(2),
        ignoresHiddenAndTemporaryFiles: Bool = true,
        isArchiving: Bool = false
    ) throws(FileDropError) {
        var trimmed = directory
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.triggerID = triggerID
        self.directory = trimmed
        self.pattern = pattern
        self.isRecursive = isRecursive
        self.completionRules = completionRules
        self.settlePeriod = settlePeriod
        self.markerSuffix = markerSuffix
        self.mode = mode
        self.pollInterval = pollInterval
        self.ignoresHiddenAndTemporaryFiles = ignoresHiddenAndTemporaryFiles
        self.isArchiving = isArchiving
        try self.validate()
    }

    private func validate() throws(FileDropError) {
        func fail(_ message: String) -> FileDropError {
            FileDropError(code: .invalidConfiguration, message: message)
        }
        guard self.directory.hasPrefix("/") else {
            throw fail("the watched directory '\(self.directory)' is not an absolute path")
        }
        guard !self.completionRules.isEmpty else {
            throw fail("a file-drop trigger needs at least one completion rule")
        }
        guard self.settlePeriod > .zero, self.pollInterval > .zero else {
            throw fail("the settle period and the poll interval must be positive")
        }
        if self.completionRules.contains(.marker) && self.markerSuffix.isEmpty {
            throw fail("the marker rule needs a non-empty marker suffix")
        }
    }

    // MARK: - Which names belong to the trigger

    /// The absolute path of a file given relative to ``directory``.
    func absolutePath(_ relativePath: String) -> String {
        relativePath.isEmpty ? self.directory : self.directory + "/" + relativePath
    }

    /// Whether a file, given relative to ``directory``, is one the trigger fires for.
    func acceptsFile(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        if self.ignoresHiddenAndTemporaryFiles && GlobPattern.isHiddenOrTemporary(name) {
            return false
        }
        if self.markedFile(of: relativePath) != nil { return false }
        return self.pattern.matches(relativePath)
    }

    /// Whether a file is an accepted data file or the marker of one.
    func isRelevant(_ relativePath: String) -> Bool {
        if self.acceptsFile(relativePath) { return true }
        return self.markedFile(of: relativePath).map { self.acceptsFile($0) } == true
    }

    /// The data file that `relativePath` marks, when it is a marker for an accepted file.
    func markedFile(of relativePath: String) -> String? {
        guard self.completionRules.contains(.marker),
            relativePath.hasSuffix(self.markerSuffix),
            relativePath.count > self.markerSuffix.count
        else { return nil }
        let dataPath = String(relativePath.dropLast(self.markerSuffix.count))
        guard !dataPath.hasSuffix("/") else { return nil }
        return dataPath
    }

    /// Whether a subdirectory, given relative to ``directory``, is watched and scanned.
    func acceptsDirectory(_ relativePath: String) -> Bool {
        guard self.isRecursive else { return false }
        let components = relativePath.split(separator: "/")
        if self.isArchiving, let first = components.first,
            FileDropConfiguration.archiveFolderNames.contains(String(first))
        {
            return false
        }
        if self.ignoresHiddenAndTemporaryFiles {
            return !components.contains { $0.hasPrefix(".") }
        }
        return true
    }
}
