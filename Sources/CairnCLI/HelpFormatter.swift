// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Renders a command's help in swift-argument-parser's layout: OVERVIEW,
/// USAGE, ARGUMENTS, OPTIONS and SUBCOMMANDS blocks, wrapped to the width.
struct HelpFormatter {
    /// The commands from the root down to the one described.
    let configurations: [CommandConfiguration]
    let width: Int

    /// Labels are indented by 2; descriptions start at this column, or on
    /// the next line when the label is too long to leave a 2-space gap.
    static let descriptionColumn = 26

    private var command: CommandConfiguration? { configurations.last }
    private var isRoot: Bool { configurations.count == 1 }
    private var commandName: String { configurations.map(\.name).joined(separator: " ") }

    // MARK: - Help

    func helpText() -> String {
        guard let command else { return "" }
        var blocks: [String] = []
        if !command.abstract.isEmpty {
            blocks.append(TerminalText.wrap("OVERVIEW: " + command.abstract, width: width))
        }
        if !command.discussion.isEmpty {
            blocks.append(TerminalText.wrap(command.discussion, width: width))
        }
        blocks.append(usage(prefix: "USAGE: "))

        let definitions = command.definitions
        let positionals = definitions.filter(\.isPositional)
        if !positionals.isEmpty {
            let rows = positionals.map { ($0.helpLabel, text(for: $0)) }
            blocks.append("ARGUMENTS:\n" + entries(rows))
        }
        var options = definitions.filter { !$0.isPositional }.map { ($0.helpLabel, text(for: $0)) }
        if isRoot && command.version != nil {
            options.append(("--version", "Show the version."))
        }
        options.append(("-h, --help", "Show help information."))
        blocks.append("OPTIONS:\n" + entries(options))

        if !command.subcommands.isEmpty {
            var subcommands = command.subcommands.map {
                ($0.configuration.name, $0.configuration.abstract)
            }
            if isRoot {
                subcommands.append(("help", "Show subcommand help information."))
            }
            let names = configurations.map(\.name)
            let helpPath = ([names[0], "help"] + names.dropFirst()).joined(separator: " ")
            blocks.append(
                "SUBCOMMANDS:\n" + entries(subcommands) + "\n\n"
                    + TerminalText.wrap(
                        "See '\(helpPath) <subcommand>' for detailed help.",
                        width: width,
                        indent: 2
                    )
            )
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The help sentence plus the allowed values and the default, if any.
    private func text(for definition: ArgumentDefinition) -> String {
        var text = definition.help
        if let allowed = definition.allowedValues {
            text += " (values: \(allowed.joined(separator: ", ")))"
        }
        if let defaultText = definition.defaultText {
            text += " (default: \(defaultText))"
        }
        return text.trimmingLeadingSpace()
    }

    /// Two-column rows: a label and its wrapped description.
    private func entries(_ rows: [(label: String, text: String)]) -> String {
        let column = Self.descriptionColumn
        let textWidth = max(width, column + 20)
        return rows.map { row in
            let label = "  " + row.label
            let words = row.text.split(separator: " ").map(String.init)
            let labelWidth = TerminalText.displayWidth(label)
            guard !words.isEmpty else { return label }
            if labelWidth + 2 <= column {
                let body = TerminalText.wrap(words: words, width: textWidth, indent: column)
                return label + body.dropFirst(labelWidth)
            }
            return label + "\n" + TerminalText.wrap(words: words, width: textWidth, indent: column)
        }.joined(separator: "\n")
    }

    // MARK: - Usage

    /// `USAGE: cairn execution list [--json] <id>`, wrapped under its start.
    func usage(prefix: String) -> String {
        guard let command else { return prefix }
        let definitions = command.definitions
        var items = [prefix + commandName]
        items += definitions.filter { !$0.isPositional }.map(\.usageText)
        items += definitions.filter(\.isPositional).map(\.usageText)
        if !command.subcommands.isEmpty && !definitions.contains(where: \.isPositional) {
            items.append("<subcommand>")
        }
        return TerminalText.wrap(
            words: items,
            width: width,
            indent: prefix.count + 2,
            firstIndent: 0
        )
    }
}

extension String {
    fileprivate func trimmingLeadingSpace() -> String {
        String(drop { $0 == " " })
    }
}
