// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A dropped file that is complete and that the ledger has not seen: the
/// daemon starts one execution for it.
public struct FileDropCandidate: Sendable, Hashable {
    /// The trigger that watched for it.
    public var triggerID: String
    /// Path, size, modification time and SHA-256, read after the file completed;
    /// the file did not change while it was hashed.
    public var fingerprint: FileDropFingerprint
    /// The path relative to the watched directory.
    public var relativePath: String
    /// Which rule found it complete.
    public var completionRule: FileDropCompletionRule
    /// The companion marker file, when the `marker` rule fired.
    public var markerPath: String?

    public init(
        triggerID: String,
        fingerprint: FileDropFingerprint,
        relativePath: String,
        completionRule: FileDropCompletionRule,
        markerPath: String? = nil
    ) {
        self.triggerID = triggerID
        self.fingerprint = fingerprint
        self.relativePath = relativePath
        self.completionRule = completionRule
        self.markerPath = markerPath
    }

    /// The file's absolute path.
    public var path: String { self.fingerprint.path }
}
