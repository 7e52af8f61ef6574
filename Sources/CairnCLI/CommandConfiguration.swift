// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// What a command declares about itself: the source of its help and of the
/// parser's rules.
public struct CommandConfiguration: Sendable {
    /// The name typed on the command line, in lower-case kebab-case, written
    /// out explicitly (`ExecutionListCommand` declares `list`).
    public var name: String
    /// One sentence: the OVERVIEW line, and the command's line in its
    /// parent's SUBCOMMANDS block.
    public var abstract: String
    /// Paragraphs shown after the overview; line breaks are kept.
    public var discussion: String
    /// The text `--version` prints; only read from the root command.
    public var version: String?
    /// Flags, options and positional arguments, in the order help lists them.
    ///
    /// Positional arguments must come as required ones, then optional ones,
    /// then at most one variadic one.
    public var arguments: [any ArgumentDeclaration]
    /// The commands nested under this one, in the order help lists them.
    public var subcommands: [any Command]

    /// Creates a configuration; only the name is required.
    public init(
        name: String,
        abstract: String = "",
        discussion: String = "",
        version: String? = nil,
        arguments: [any ArgumentDeclaration] = [],
        subcommands: [any Command] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.arguments = arguments
        self.subcommands = subcommands
    }

    var definitions: [ArgumentDefinition] {
        arguments.map(\.definition)
    }

    /// Declaration mistakes, which are bugs in a command, not user errors.
    ///
    /// The parser checks these with a precondition, so every test that runs
    /// a command catches them.
    var declarationProblems: [String] {
        var problems: [String] = []
        let definitions = self.definitions
        let keys = definitions.map(\.key)
        if Set(keys).count != keys.count {
            problems.append("'\(name)' declares an argument name twice: \(keys)")
        }
        let shorts = definitions.compactMap(\.shortName)
        if Set(shorts).count != shorts.count || shorts.contains("h") {
            problems.append("'\(name)' reuses a short name, or claims '-h'")
        }
        if keys.contains("--help") || keys.contains("--version") {
            problems.append("'\(name)' declares '--help' or '--version', which the framework owns")
        }
        var rank = 0
        for definition in definitions {
            guard case .positional(let arity) = definition.kind else { continue }
            let next =
                switch arity {
                case .required: 0
                case .optional: 1
                case .variadic: 2
                }
            if next < rank || (next == 2 && rank == 2) {
                problems.append("'\(name)' lists its positional arguments out of order")
            }
            rank = next
        }
        return problems
    }
}
