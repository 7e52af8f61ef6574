// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// Reads YAML text into Cairn's JSON value model, with the line and column of
/// every value and key.
///
/// Scalars resolve by the YAML 1.2 core schema, so `on`, `yes` and `no` stay
/// strings; only `true`/`false` (any of three casings) are booleans. Anchors,
/// aliases and merge keys (`<<`) work; duplicate keys, unknown tags, complex
/// keys, `.inf`/`.nan` and files with no document or several are errors.
///
/// ```swift
/// let (value, sourceMap) = try YAMLReader.read("StartAt: Hello\n", file: "flow.yaml")
/// value["StartAt"]                               // .string("Hello")
/// sourceMap.valueLocation(of: [.key("StartAt")]) // flow.yaml:1:10
/// ```
public enum YAMLReader {
    /// Parses one YAML document with libyaml and converts it to JSON.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The name diagnostics and the source map give the text.
    /// - Returns: The document's value and where each part of it was written.
    /// - Throws: `CairnYAMLError`, always with a location, when libyaml
    ///   rejects the text or the document breaks one of the rules above.
    public static func read(
        _ text: String,
        file: String
    ) throws(CairnYAMLError) -> (value: JSONValue, sourceMap: SourceMap) {
        try read(text, file: file, limits: .standard)
    }

    /// `read(_:file:)` with other limits, so that tests can reach them cheaply.
    static func read(
        _ text: String,
        file: String,
        limits: YAMLLimits
    ) throws(CairnYAMLError) -> (value: JSONValue, sourceMap: SourceMap) {
        var composer = try Composer(text: text, file: file, maximumDepth: limits.maximumDepth)
        let root = try composer.composeDocument()
        var constructor = JSONConstructor(file: file, limits: limits)
        let value = try constructor.construct(root)
        return (value, constructor.sourceMap)
    }
}
