// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The parser's and the help formatter's view of one argument, with the
/// value type erased; made by the ``Argument`` factories.
public struct ArgumentDefinition: Sendable {
    /// How many positional words an argument takes.
    enum Arity: Sendable, Equatable {
        case required
        case optional
        case variadic(minimumCount: Int)
    }

    /// Whether the argument is a flag, an option or a positional argument.
    enum Kind: Sendable, Equatable {
        case flag
        case option(isRepeating: Bool)
        case positional(Arity)
    }

    let kind: Kind
    /// The long name without dashes (`json` for `--json`); nil for positionals.
    let longName: String?
    let shortName: Character?
    /// The name in angle brackets: `<file>`, `--input <json>`.
    let valueName: String
    let help: String
    let allowedValues: [String]?
    let expectedDescription: String?
    let defaultText: String?
    /// Reads one word; `nil` when it is not a valid value.
    let convert: @Sendable (String) -> (any Sendable)?

    /// The key under which the parser stores this argument's values.
    var key: String {
        longName.map { "--" + $0 } ?? "<\(valueName)>"
    }

    var isPositional: Bool {
        if case .positional = kind { true } else { false }
    }

    /// `--limit <limit>`, `--json` or `<file>`: how errors name the argument.
    var displayName: String {
        switch kind {
        case .flag: key
        case .option: "\(key) <\(valueName)>"
        case .positional: "<\(valueName)>"
        }
    }

    /// `-n, --limit <limit>`: the label in the help's ARGUMENTS and OPTIONS blocks.
    var helpLabel: String {
        guard let shortName, !isPositional else { return displayName }
        return "-\(shortName), \(displayName)"
    }

    /// `[--limit <limit>]`, `<file> ...`: the argument's part of the usage line.
    var usageText: String {
        switch kind {
        case .flag: "[\(displayName)]"
        case .option(let isRepeating): "[\(displayName)\(isRepeating ? " ..." : "")]"
        case .positional(.required): displayName
        case .positional(.optional): "[\(displayName)]"
        case .positional(.variadic(let minimumCount)):
            minimumCount > 0 ? "\(displayName) ..." : "[\(displayName) ...]"
        }
    }
}
