// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A place in a source file, as editors and compilers number it: lines and
/// columns both start at 1, and columns count characters, not bytes.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the prefix of every diagnostic Cairn prints.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One step into a JSON document: a member name or an array index.
public enum JSONPathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

/// Where each value of a loaded document was written, so that a problem found
/// long after parsing can still point at its line and column.
///
/// Paths are the member names and indices from the root to the value. For an
/// object member both the key and the value have a place; diagnostics about a
/// field point at its key, diagnostics about a value at the value.
public struct SourceMap: Sendable {
    /// The file the document came from, as the user named it.
    public let file: String
    private var values: [[JSONPathComponent]: SourceLocation] = [:]
    private var keys: [[JSONPathComponent]: SourceLocation] = [:]

    public init(file: String) {
        self.file = file
    }

    public mutating func recordValue(at path: [JSONPathComponent], line: Int, column: Int) {
        values[path] = SourceLocation(file: file, line: line, column: column)
    }

    public mutating func recordKey(at path: [JSONPathComponent], line: Int, column: Int) {
        keys[path] = SourceLocation(file: file, line: line, column: column)
    }

    /// The place of the value at `path`, or of its nearest recorded ancestor.
    public func valueLocation(of path: [JSONPathComponent]) -> SourceLocation {
        var path = path[...]
        while true {
            if let location = values[Array(path)] { return location }
            if path.isEmpty { return SourceLocation(file: file, line: 1, column: 1) }
            path = path.dropLast()
        }
    }

    /// The place of the key at `path` when it is an object member, otherwise
    /// the place of its value.
    public func keyLocation(of path: [JSONPathComponent]) -> SourceLocation {
        keys[path] ?? valueLocation(of: path)
    }

    /// Re-roots the map at `prefix`, for a document nested inside another
    /// (the `definition` of a wrapper file).
    public func subtree(at prefix: [JSONPathComponent]) -> SourceMap {
        var map = SourceMap(file: file)
        for (path, location) in values where path.starts(with: prefix) {
            map.values[Array(path.dropFirst(prefix.count))] = location
        }
        for (path, location) in keys where path.starts(with: prefix) {
            map.keys[Array(path.dropFirst(prefix.count))] = location
        }
        return map
    }
}
