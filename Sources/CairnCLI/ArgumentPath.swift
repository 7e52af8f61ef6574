// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A file-system path given on the command line, kept both as typed and as
/// an absolute path resolved against the directory the command ran in.
///
/// Nothing is checked on disk: whether the file must exist is the
/// command's business, and its error can then say what the file was for.
public struct ArgumentPath: ArgumentValue, Hashable, CustomStringConvertible {
    /// The path as the user typed it, for messages.
    public var text: String
    /// The path made absolute and normalised (`.` and `..` removed).
    public var absolutePath: String

    /// Resolves the path against the current directory.
    public init(_ text: String) {
        self.init(text, relativeTo: FileManager.default.currentDirectoryPath)
    }

    /// Resolves the path against the given directory.
    public init(_ text: String, relativeTo directory: String) {
        self.text = text
        self.absolutePath =
            URL(
                fileURLWithPath: text,
                relativeTo: URL(fileURLWithPath: directory, isDirectory: true)
            ).standardizedFileURL.path
    }

    public init?(argument: String) {
        guard !argument.isEmpty else { return nil }
        self.init(argument)
    }

    public static var expectedDescription: String? { "a path" }

    public var argumentText: String { text }

    /// The path as typed.
    public var description: String { text }
}
