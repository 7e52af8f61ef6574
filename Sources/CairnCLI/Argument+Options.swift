// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

// MARK: - Flags

extension Argument where Value == Bool {
    /// A flag such as `--json`: true when given, false otherwise.
    ///
    /// - Parameters:
    ///   - name: The long name with its dashes, in kebab-case: `--json`.
    ///   - short: A one-letter name (`-j`), for everyday flags only.
    ///   - help: One sentence for the help's OPTIONS block.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> Self {
        let definition = ArgumentDefinition(
            kind: .flag,
            longName: longName(from: name),
            shortName: short,
            valueName: longName(from: name),
            help: help,
            allowedValues: nil,
            expectedDescription: nil,
            defaultText: nil,
            convert: { _ in true }
        )
        return Self(definition: definition) { !$0.isEmpty }
    }
}

// MARK: - Options

extension Argument {
    /// An option with a value, such as `--input VALUE` or `--input=VALUE`;
    /// `nil` when absent, the last value when given more than once.
    ///
    /// - Parameters:
    ///   - name: The long name with its dashes, in kebab-case: `--input-file`.
    ///   - short: A one-letter name (`-i VALUE`), for everyday options only.
    ///   - valueName: The placeholder in help (`<json>`); by default the long name.
    ///   - type: The value's type.
    ///   - help: One sentence for the help's OPTIONS block.
    public static func option<Element: ArgumentValue>(
        _ name: String,
        short: Character? = nil,
        valueName: String? = nil,
        as type: Element.Type = Element.self,
        help: String
    ) -> Self where Value == Element? {
        let definition = optionDefinition(
            name,
            short: short,
            valueName: valueName,
            type: type,
            isRepeating: false,
            defaultText: nil,
            help: help
        )
        return Self(definition: definition) { values in
            .some(values.last as? Element)
        }
    }

    /// An option whose every occurrence adds a value: `--tag a --tag b`.
    ///
    /// - Parameters: As for ``option(_:short:valueName:as:help:)``.
    public static func repeatingOption<Element: ArgumentValue>(
        _ name: String,
        short: Character? = nil,
        valueName: String? = nil,
        as type: Element.Type = Element.self,
        help: String
    ) -> Self where Value == [Element] {
        let definition = optionDefinition(
            name,
            short: short,
            valueName: valueName,
            type: type,
            isRepeating: true,
            defaultText: nil,
            help: help
        )
        return Self(definition: definition) { values in
            values.compactMap { $0 as? Element }
        }
    }

    static func optionDefinition<Element: ArgumentValue>(
        _ name: String,
        short: Character?,
        valueName: String?,
        type: Element.Type,
        isRepeating: Bool,
        defaultText: String?,
        help: String
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .option(isRepeating: isRepeating),
            longName: longName(from: name),
            shortName: short,
            valueName: valueName ?? longName(from: name),
            help: help,
            allowedValues: Element.allowedValues,
            expectedDescription: Element.expectedDescription,
            defaultText: defaultText,
            convert: { Element(argument: $0) }
        )
    }

    /// `json` for `--json`; a declaration without the dashes is a
    /// programmer error that every test run would hit at once.
    static func longName(from name: String) -> String {
        precondition(
            name.hasPrefix("--") && name.count > 2 && !name.contains("="),
            "option and flag names are written with their dashes, like '--json'"
        )
        return String(name.dropFirst(2))
    }
}

extension Argument where Value: ArgumentValue {
    /// An option with a value that falls back to `default` when absent.
    ///
    /// - Parameters:
    ///   - default: The value when the option is not given; shown in help.
    ///   - name, short, valueName, help: As for ``option(_:short:valueName:as:help:)``.
    public static func option(
        _ name: String,
        short: Character? = nil,
        valueName: String? = nil,
        default defaultValue: Value,
        help: String
    ) -> Self {
        let definition = optionDefinition(
            name,
            short: short,
            valueName: valueName,
            type: Value.self,
            isRepeating: false,
            defaultText: defaultValue.argumentText,
            help: help
        )
        return Self(definition: definition) { values in
            values.last as? Value ?? defaultValue
        }
    }
}
