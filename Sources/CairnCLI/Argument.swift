// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// One argument of a command — a flag, an option or a positional argument —
/// and the type its parsed value has.
///
/// Commands declare their arguments as static constants, list them in their
/// ``CommandConfiguration``, and read them back, typed, from the
/// ``CommandInvocation``:
///
/// ```swift
/// struct ExecutionListCommand: Command {
///     static let status = Argument.option(
///         "--status", as: StatusFilter.self, help: "Only executions with this status."
///     )
///     static let limit = Argument.option(
///         "--limit", short: "n", default: 20, help: "At most this many."
///     )
///     static let json = Argument.flag("--json", help: "Print JSON.")
///
///     var configuration: CommandConfiguration {
///         CommandConfiguration(
///             name: "list",
///             abstract: "List executions.",
///             arguments: [Self.status, Self.limit, Self.json]
///         )
///     }
///
///     func run(_ invocation: CommandInvocation) async throws -> Int32 {
///         let status = invocation[Self.status]  // StatusFilter?
///         let limit = invocation[Self.limit]    // Int
///         ...
///     }
/// }
/// ```
///
/// The factories live in `Argument+Options.swift` and
/// `Argument+Positionals.swift`: ``flag(_:short:help:)``, ``option(_:short:valueName:as:help:)``,
/// ``option(_:short:valueName:default:help:)``,
/// ``repeatingOption(_:short:valueName:as:help:)``, ``positional(_:as:help:)``,
/// ``optionalPositional(_:as:help:)`` and ``variadicPositional(_:minimumCount:as:help:)``.
public struct Argument<Value: Sendable>: ArgumentDeclaration {
    public let definition: ArgumentDefinition

    /// Turns the converted words, in command-line order, into the value;
    /// `nil` only for a required positional that got no word.
    let makeValue: @Sendable ([any Sendable]) -> Value?

    init(
        definition: ArgumentDefinition,
        makeValue: @escaping @Sendable ([any Sendable]) -> Value?
    ) {
        self.definition = definition
        self.makeValue = makeValue
    }
}
