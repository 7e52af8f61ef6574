// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnYAML
import Foundation

/// Reads workflow documents, YAML or JSON, into `Document`s with the place of
/// every value, turning every failure into a `CairnDefinitionError`.
///
/// Files whose name ends in `.json` are parsed as JSON; all others as YAML
/// (YAML 1.2 core schema, one document per file). Parsing a valid document
/// does not check that it is a valid workflow.
///
/// ```swift
/// do {
///     let document = try DocumentReader.read(path: "Workflows/train.yaml")
/// } catch {
///     print(renderDiagnostic(error, source: nil))
/// }
/// ```
public enum DocumentReader {
    /// Reads and parses the file at `path`.
    ///
    /// - Parameter path: The file, as the user named it; diagnostics use it.
    /// - Returns: The parsed document.
    /// - Throws: `CairnDefinitionError` with code `unreadableFile` when the file
    ///   is missing, a directory, unreadable or not UTF-8 (that last one with
    ///   the location of the first bad byte), or `syntax` with a location when
    ///   the text is not well-formed.
    public static func read(path: String) throws(CairnDefinitionError) -> Document {
        let data = try contents(of: path)
        let text = try decodeUTF8(data, file: path)
        return try parse(text: text, file: path)
    }

    /// Parses text that was already read, choosing JSON or YAML by `file`.
    ///
    /// - Parameters:
    ///   - text: The document's text; a leading byte-order mark is dropped.
    ///   - file: The name diagnostics and the source map use.
    /// - Returns: The parsed document.
    /// - Throws: `CairnDefinitionError` with code `syntax` and the location of
    ///   the problem when the text is not well-formed.
    public static func parse(text: String, file: String) throws(CairnDefinitionError) -> Document {
        let text =
            text.unicodeScalars.first == "\u{FEFF}"
            ? String(text.unicodeScalars.dropFirst()) : text
        let format = Document.Format(file: file)
        let parsed: (value: JSONValue, sourceMap: SourceMap)
        switch format {
        case .json:
            parsed = try parseJSON(text, file: file)
        case .yaml:
            do throws(CairnYAMLError) {
                parsed = try YAMLReader.read(text, file: file)
            } catch {
                throw CairnDefinitionError(
                    code: .syntax,
                    message: error.message,
                    location: error.location
                )
            }
        }
        return Document(
            file: file,
            format: format,
            value: parsed.value,
            sourceMap: parsed.sourceMap,
            text: text
        )
    }

    // MARK: - Parsing

    private static func parseJSON(
        _ text: String,
        file: String
    ) throws(CairnDefinitionError) -> (value: JSONValue, sourceMap: SourceMap) {
        do {
            return try JSONValue.parseWithSourceMap(text, file: file)
        } catch let error as CairnCoreError {
            throw CairnDefinitionError(
                code: .syntax,
                message: error.message,
                location: error.location
            )
        } catch {
            // The JSON parser throws only CairnCoreError; keep any other whole.
            throw CairnDefinitionError(code: .syntax, message: "\(error)")
        }
    }

    // MARK: - Reading files

    private static func contents(of path: String) throws(CairnDefinitionError) -> Data {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable(path, "no such file")
        }
        guard !isDirectory.boolValue else { throw unreadable(path, "it is a directory") }
        guard files.isReadableFile(atPath: path) else {
            throw unreadable(path, "permission denied")
        }
        guard let data = files.contents(atPath: path) else {
            throw unreadable(path, "reading it failed")
        }
        return data
    }

    private static func unreadable(_ path: String, _ reason: String) -> CairnDefinitionError {
        CairnDefinitionError(code: .unreadableFile, message: "cannot read '\(path)': \(reason)")
    }

    /// The file's text, or an error at the first byte that is not UTF-8, which
    /// is where an editor would show the damage.
    private static func decodeUTF8(
        _ data: Data,
        file: String
    ) throws(CairnDefinitionError) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }

        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while case .valid(let scalar) = parser.parseScalar(from: &bytes) {
            offset += scalar.count
            if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let byte = offset < data.count ? data[data.startIndex + offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw CairnDefinitionError(
            code: .unreadableFile,
            message: "the file is not UTF-8 text: byte 0x\(hex) cannot be decoded; "
                + "save the file as UTF-8",
            location: SourceLocation(file: file, line: line, column: column)
        )
    }
}
