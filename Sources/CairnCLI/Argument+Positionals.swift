// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

// A command lists its positional arguments in this order: required ones,
// then optional ones, then at most one variadic one. The words on the
// command line then map onto them without ambiguity.

extension Argument where Value: ArgumentValue {
    /// A positional argument that must be given: `cairn run <file>`.
    ///
    /// - Parameters:
    ///   - name: The name shown in angle brackets in help: `file`.
    ///   - type: The value's type.
    ///   - help: One sentence for the help's ARGUMENTS block.
    public static func positional(
        _ name: String,
        as type: Value.Type = Value.self,
        help: String
    ) -> Self {
        Self(definition: positionalDefinition(name, arity: .required, type: type, help: help)) {
            $0.first as? Value
        }
    }
}

extension Argument {
    /// A positional argument that may be left out: `[<id>]`.
    ///
    /// - Parameters: As for ``positional(_:as:help:)``.
    public static func optionalPositional<Element: ArgumentValue>(
        _ name: String,
        as type: Element.Type = Element.self,
        help: String
    ) -> Self where Value == Element? {
        Self(definition: positionalDefinition(name, arity: .optional, type: type, help: help)) {
            .some($0.first as? Element)
        }
    }

    /// A positional argument that takes all remaining words: `<file> ...`.
    ///
    /// - Parameters:
    ///   - minimumCount: How many words must at least be given.
    ///   - name, type, help: As for ``positional(_:as:help:)``.
    public static func variadicPositional<Element: ArgumentValue>(
        _ name: String,
        minimumCount: Int = 0,
        as type: Element.Type = Element.self,
        help: String
    ) -> Self where Value == [Element] {
        let arity = ArgumentDefinition.Arity.variadic(minimumCount: minimumCount)
        return Self(definition: positionalDefinition(name, arity: arity, type: type, help: help)) {
            $0.compactMap { $0 as? Element }
        }
    }

    static func positionalDefinition<Element: ArgumentValue>(
        _ name: String,
        arity: ArgumentDefinition.Arity,
        type: Element.Type,
        help: String
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .positional(arity),
            longName: nil,
            shortName: nil,
            valueName: name,
            help: help,
            allowedValues: Element.allowedValues,
            expectedDescription: Element.expectedDescription,
            defaultText: nil,
            convert: { Element(argument: $0) }
        )
    }
}
