// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// A YAML or JSON file as read from disk: its value, where each part of it
/// was written, and the text itself for printing diagnostics.
///
/// ```swift
/// let document = try DocumentReader.read(path: "Workflows/train.yaml")
/// document.value["StartAt"]                                 // .string("Validate")
/// document.sourceMap.valueLocation(of: [.key("StartAt")])   // train.yaml:1:10
/// ```
public struct Document: Sendable {
    /// The language a document is written in, chosen by its file name.
    public enum Format: Sendable, Hashable {
        case json
        case yaml

        /// JSON for names ending in `.json` (in any case), YAML for all others:
        /// `.yaml`, `.yml` and names without an extension.
        public init(file: String) {
            self = file.lowercased().hasSuffix(".json") ? .json : .yaml
        }
    }

    /// The file the document came from, as the user named it.
    public var file: String
    public var format: Format
    /// The whole document in Cairn's value model.
    public var value: JSONValue
    /// Where each value and key of `value` was written in `text`.
    public var sourceMap: SourceMap
    /// The text that was parsed, without a leading byte-order mark, so that
    /// its lines match the source map's positions.
    public var text: String

    public init(
        file: String,
        format: Format,
        value: JSONValue,
        sourceMap: SourceMap,
        text: String
    ) {
        self.file = file
        self.format = format
        self.value = value
        self.sourceMap = sourceMap
        self.text = text
    }
}
