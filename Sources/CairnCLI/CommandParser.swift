// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Turns the words of a command line into the command to run and its values.
struct CommandParser {
    /// What the command line asks for.
    enum Outcome {
        case run(any Command, [CommandConfiguration], values: [String: [any Sendable]])
        case help([CommandConfiguration])
        case version(String)
    }

    /// A usage error, with the commands it happened in for the hint lines.
    struct Failure: Error {
        var configurations: [CommandConfiguration]
        var error: CommandUsageError
    }

    let root: any Command

    // MARK: - Subcommands

    func parse(_ words: [String]) throws(Failure) -> Outcome {
        var command = root
        var path = [root.configuration]
        var index = 0

        // Subcommand names come first; the first other word ends the walk.
        while index < words.count, let current = path.last, !current.subcommands.isEmpty {
            if path.count == 1 && words[index] == "help"
                && !current.subcommands.contains(where: { $0.configuration.name == "help" })
            {
                return .help(try helpTarget(Array(words[(index + 1)...])))
            }
            guard
                let next = current.subcommands.first(where: {
                    $0.configuration.name == words[index]
                })
            else { break }
            command = next
            path.append(next.configuration)
            index += 1
        }

        // Help and version win over any other mistake on the line.
        let rest = Array(words[index...])
        let options = rest.prefix { $0 != "--" }
        if options.contains("-h") || options.contains("--help") {
            return .help(path)
        }
        if path.count == 1, let version = root.configuration.version,
            options.contains("--version")
        {
            return .version(version)
        }

        do {
            let values = try parseArguments(rest, for: path)
            return .run(command, path, values: values)
        } catch {
            throw Failure(configurations: path, error: error)
        }
    }

    /// Follows the names after `cairn help` to the command they describe.
    private func helpTarget(_ names: [String]) throws(Failure) -> [CommandConfiguration] {
        var path = [root.configuration]
        // `cairn help execution --help` still means help for `execution`.
        for name in names where !name.hasPrefix("-") {
            guard let current = path.last else { break }
            guard let next = current.subcommands.first(where: { $0.configuration.name == name })
            else {
                throw Failure(configurations: path, error: unknownSubcommand(name, in: path))
            }
            path.append(next.configuration)
        }
        return path
    }

    private func unknownSubcommand(
        _ name: String,
        in path: [CommandConfiguration]
    ) -> CommandUsageError {
        var names = path.last?.subcommands.map(\.configuration.name) ?? []
        if path.count == 1 {
            names.append("help")
        }
        return CommandUsageError(
            "Unknown subcommand '\(name)'",
            suggestion: CommandSuggester.bestMatch(for: name, among: names)
        )
    }

    // MARK: - Flags and options

    private func parseArguments(
        _ words: [String],
        for path: [CommandConfiguration]
    ) throws(CommandUsageError) -> [String: [any Sendable]] {
        guard let configuration = path.last else { return [:] }
        let problems = configuration.declarationProblems
        precondition(problems.isEmpty, problems.joined(separator: "; "))
        let definitions = configuration.definitions
        var values: [String: [any Sendable]] = [:]
        var positionals: [String] = []
        var remaining = words[...]

        while let word = remaining.popFirst() {
            if word == "--" {
                positionals += remaining
                break
            }
            if !Self.isOptionLike(word) {
                positionals.append(word)
            } else if word.hasPrefix("--") {
                try parseLongOption(word, definitions, &remaining, into: &values)
            } else {
                try parseShortOptions(word, definitions, &remaining, into: &values)
            }
        }

        try assignPositionals(positionals, for: path, into: &values)
        return values
    }

    /// Whether a word names an option rather than being a value: `-` alone
    /// (standard input) and negative numbers are values.
    private static func isOptionLike(_ word: String) -> Bool {
        word.hasPrefix("-") && word != "-" && Double(word) == nil
    }

    private func parseLongOption(
        _ word: String,
        _ definitions: [ArgumentDefinition],
        _ remaining: inout ArraySlice<String>,
        into values: inout [String: [any Sendable]]
    ) throws(CommandUsageError) {
        let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        let inlineValue = parts.count > 1 ? String(parts[1]) : (word.hasSuffix("=") ? "" : nil)
        guard let definition = definitions.first(where: { $0.longName == name }) else {
            let names = definitions.compactMap(\.longName).map { "--" + $0 } + ["--help"]
            throw CommandUsageError(
                "Unknown option '--\(name)'",
                suggestion: CommandSuggester.bestMatch(for: "--" + name, among: names)
            )
        }
        if definition.kind == .flag {
            guard inlineValue == nil else {
                throw CommandUsageError("The flag '--\(name)' does not take a value")
            }
            values[definition.key, default: []].append(true)
            return
        }
        if let inlineValue {
            try store(inlineValue, for: definition, into: &values)
        } else {
            try store(takeValue(for: definition, from: &remaining), for: definition, into: &values)
        }
    }

    /// Reads `-j`, `-n 5`, `-n5` and clusters of flags such as `-jv`.
    private func parseShortOptions(
        _ word: String,
        _ definitions: [ArgumentDefinition],
        _ remaining: inout ArraySlice<String>,
        into values: inout [String: [any Sendable]]
    ) throws(CommandUsageError) {
        var letters = word.dropFirst()[...]
        while let letter = letters.popFirst() {
            guard let definition = definitions.first(where: { $0.shortName == letter }) else {
                throw CommandUsageError(
                    word.count == 2
                        ? "Unknown option '\(word)'"
                        : "Unknown option '-\(letter)' in '\(word)'"
                )
            }
            if definition.kind == .flag {
                values[definition.key, default: []].append(true)
                continue
            }
            let attached = letters.hasPrefix("=") ? String(letters.dropFirst()) : String(letters)
            let value =
                try attached.isEmpty
                ? takeValue(for: definition, from: &remaining) : attached
            try store(value, for: definition, into: &values)
            return
        }
    }

    private func takeValue(
        for definition: ArgumentDefinition,
        from remaining: inout ArraySlice<String>
    ) throws(CommandUsageError) -> String {
        guard let next = remaining.first, !Self.isOptionLike(next) else {
            throw CommandUsageError("Missing value for '\(definition.displayName)'")
        }
        remaining.removeFirst()
        return next
    }

    private func store(
        _ word: String,
        for definition: ArgumentDefinition,
        into values: inout [String: [any Sendable]]
    ) throws(CommandUsageError) {
        guard let value = definition.convert(word) else {
            throw invalidValue(word, for: definition)
        }
        values[definition.key, default: []].append(value)
    }

    private func invalidValue(
        _ word: String,
        for definition: ArgumentDefinition
    ) -> CommandUsageError {
        let prefix = "The value '\(word)' is invalid for '\(definition.displayName)'"
        if let allowed = definition.allowedValues {
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            return CommandUsageError(
                "\(prefix); expected one of \(list)",
                suggestion: CommandSuggester.bestMatch(for: word, among: allowed)
            )
        }
        if let expected = definition.expectedDescription {
            return CommandUsageError("\(prefix); expected \(expected)")
        }
        return CommandUsageError(prefix)
    }

    // MARK: - Positional arguments

    private func assignPositionals(
        _ words: [String],
        for path: [CommandConfiguration],
        into values: inout [String: [any Sendable]]
    ) throws(CommandUsageError) {
        let definitions = path.last?.definitions.filter(\.isPositional) ?? []
        var remaining = words[...]
        if definitions.isEmpty, let first = remaining.first,
            path.last?.subcommands.isEmpty == false
        {
            throw unknownSubcommand(first, in: path)
        }

        for definition in definitions {
            guard case .positional(let arity) = definition.kind else { continue }
            switch arity {
            case .required:
                guard let word = remaining.popFirst() else {
                    throw CommandUsageError("Missing expected argument '\(definition.displayName)'")
                }
                try store(word, for: definition, into: &values)
            case .optional:
                if let word = remaining.popFirst() {
                    try store(word, for: definition, into: &values)
                }
            case .variadic(let minimumCount):
                guard remaining.count >= minimumCount else {
                    throw CommandUsageError("Missing expected argument '\(definition.displayName)'")
                }
                while let word = remaining.popFirst() {
                    try store(word, for: definition, into: &values)
                }
            }
        }

        if let extra = remaining.first {
            throw CommandUsageError("Unexpected argument '\(extra)'")
        }
    }
}
