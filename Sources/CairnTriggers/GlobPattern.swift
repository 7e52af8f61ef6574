// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A shell-style pattern for the names of dropped files.
///
/// `*` matches any run of characters within one path component, `?` one
/// character, `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) one character of a
/// set, `**/` zero or more whole directories, and `\` makes the next character
/// literal. A pattern without `/` is matched against the file's name alone, so
/// `*.csv` finds CSV files at any depth of a recursive watch; a pattern with `/`
/// is matched against the path relative to the watched directory.
///
/// ```swift
/// let pattern = try GlobPattern("data-??.json")
/// pattern.matches("data-01.json")  // true
/// try GlobPattern("**/*.csv").matches("2024/06/sales.csv")  // true
/// ```
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// One step of a compiled pattern.
    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case anyDirectories
        case anyPath
        case characterClass(ranges: [ClosedRange<Unicode.Scalar>], isNegated: Bool)
    }

    /// The pattern as written.
    public let text: String
    private let tokens: [Token]
    private let matchesWholePath: Bool

    /// Compiles a pattern.
    ///
    /// - Parameter text: The pattern, such as `*.csv` or `incoming/**/*.json`.
    /// - Throws: `FileDropError` with code `invalidConfiguration` when the
    ///   pattern is empty, has an unterminated `[`, or ends in a lone `\`.
    public init(_ text: String) throws(FileDropError) {
        guard !text.isEmpty else {
            throw FileDropError(code: .invalidConfiguration, message: "the file pattern is empty")
        }
        self.text = text
        self.tokens = try GlobPattern.compile(Array(text.unicodeScalars), pattern: text)
        self.matchesWholePath = text.contains("/")
    }

    public var description: String { self.text }

    /// Whether a file matches.
    ///
    /// - Parameter relativePath: The file's path relative to the watched
    ///   directory, with `/` between components.
    public func matches(_ relativePath: String) -> Bool {
        let subject =
            if self.matchesWholePath {
                relativePath
            } else {
                String(relativePath.split(separator: "/").last ?? "")
            }
        return GlobPattern.match(self.tokens[...], Array(subject.unicodeScalars)[...])
    }

    /// Whether a name is hidden or temporary and so skipped unless a trigger
    /// asks for such files: a leading `.`, a trailing `~`, or the suffixes
    /// `.part` and `.tmp` that downloaders and editors write before renaming.
    ///
    /// - Parameter name: One path component.
    public static func isHiddenOrTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".part")
            || name.hasSuffix(".tmp")
    }

    // MARK: - Compiling

    private static func compile(
        _ scalars: [Unicode.Scalar],
        pattern: String
    ) throws(FileDropError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                let isDouble = index + 1 < scalars.count && scalars[index + 1] == "*"
                if !isDouble {
                    tokens.append(.anyRun)
                    index += 1
                } else if index + 2 < scalars.count && scalars[index + 2] == "/" {
                    tokens.append(.anyDirectories)
                    index += 3
                } else {
                    tokens.append(.anyPath)
                    index += 2
                }
            case "?":
                tokens.append(.anyCharacter)
                index += 1
            case "[":
                let (token, next) = try compileClass(scalars, from: index, pattern: pattern)
                tokens.append(token)
                index = next
            case "\\":
                guard index + 1 < scalars.count else {
                    throw FileDropError(
                        code: .invalidConfiguration,
                        message: "the file pattern '\(pattern)' ends in a lone '\\'"
                    )
                }
                tokens.append(.literal(scalars[index + 1]))
                index += 2
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        return tokens
    }

    /// Compiles `[...]` starting at `start`; returns the token and the index after `]`.
    private static func compileClass(
        _ scalars: [Unicode.Scalar],
        from start: Int,
        pattern: String
    ) throws(FileDropError) -> (Token, Int) {
        var index = start + 1
        let isNegated = index < scalars.count && (scalars[index] == "!" || scalars[index] == "^")
        if isNegated { index += 1 }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        // A `]` right after the opening bracket is a member, as in shells.
        var isFirst = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]" && !isFirst {
                return (.characterClass(ranges: ranges, isNegated: isNegated), index + 1)
            }
            isFirst = false
            let hasRange =
                index + 2 < scalars.count && scalars[index + 1] == "-" && scalars[index + 2] != "]"
            if hasRange {
                let upper = scalars[index + 2]
                ranges.append(min(scalar, upper)...max(scalar, upper))
                index += 3
            } else {
                ranges.append(scalar...scalar)
                index += 1
            }
        }
        throw FileDropError(
            code: .invalidConfiguration,
            message: "the file pattern '\(pattern)' has a '[' without its ']'"
        )
    }

    // MARK: - Matching

    private static func match(
        _ tokens: ArraySlice<Token>,
        _ text: ArraySlice<Unicode.Scalar>
    ) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let scalar):
            return text.first == scalar && match(rest, text.dropFirst())
        case .anyCharacter:
            return text.first.map { $0 != "/" } == true && match(rest, text.dropFirst())
        case .characterClass(let ranges, let isNegated):
            guard let scalar = text.first, scalar != "/" else { return false }
            let isMember = ranges.contains { $0.contains(scalar) }
            return isMember != isNegated && match(rest, text.dropFirst())
        case .anyRun:
            var candidate = text
            while true {
                if match(rest, candidate) { return true }
                guard let scalar = candidate.first, scalar != "/" else { return false }
                candidate = candidate.dropFirst()
            }
        case .anyDirectories:
            // Zero directories, or resume after any later `/`.
            if match(rest, text) { return true }
            var candidate = text
            while let slash = candidate.firstIndex(of: "/") {
                candidate = text[(slash + 1)...]
                if match(rest, candidate) { return true }
            }
            return false
        case .anyPath:
            var candidate = text
            while true {
                if match(rest, candidate) { return true }
                guard !candidate.isEmpty else { return false }
                candidate = candidate.dropFirst()
            }
        }
    }
}
