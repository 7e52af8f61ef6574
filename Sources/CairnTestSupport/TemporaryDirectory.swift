// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// A fresh, empty folder under the system's temporary directory, deleted with everything
/// in it when the object goes away.
///
/// ```swift
/// let folder = try TemporaryDirectory()
/// let store = try folder.makeStore()
/// ```
public final class TemporaryDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates a uniquely named folder.
    ///
    /// - Parameter prefix: The start of the folder's name, to tell leftovers apart.
    /// - Throws: The file system's error when the folder cannot be created.
    public init(prefix: String = "cairn-test") throws {
        let name = "\(prefix)-\(UUID().uuidString)"
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: self.url)
    }

    /// The path of `name` inside the folder; the file is not created.
    ///
    /// - Parameter name: A relative path, which may contain subfolders.
    public func path(_ name: String) -> String {
        self.url.appendingPathComponent(name).path
    }
}
