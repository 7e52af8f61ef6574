// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A type whose values can be read from one command-line word.
///
/// `String`, `Int`, `Double` and ``ArgumentPath`` conform. A `String`-backed
/// enum that is `CaseIterable` conforms by declaring it, and then lists its
/// raw values in help and in errors:
///
/// ```swift
/// enum StatusFilter: String, CaseIterable, ArgumentValue {
///     case running = "RUNNING", failed = "FAILED"
/// }
/// ```
public protocol ArgumentValue: Sendable {
    /// Reads a value from the word; `nil` when the word is not a valid value.
    init?(argument: String)

    /// Every accepted word, when only a few are; shown in help and errors.
    static var allowedValues: [String]? { get }

    /// What a valid word looks like ("an integer"), for errors.
    static var expectedDescription: String? { get }

    /// The word that stands for this value, used to show a default in help.
    var argumentText: String { get }
}

extension ArgumentValue {
    public static var allowedValues: [String]? { nil }
    public static var expectedDescription: String? { nil }
    public var argumentText: String { String(describing: self) }
}

extension ArgumentValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var allowedValues: [String]? { allCases.map(\.rawValue) }

    public var argumentText: String { rawValue }
}

extension String: ArgumentValue {
    public init?(argument: String) {
        self = argument
    }
}

extension Int: ArgumentValue {
    public init?(argument: String) {
        self.init(argument, radix: 10)
    }

    public static var expectedDescription: String? { "an integer" }
}

extension Double: ArgumentValue {
    public init?(argument: String) {
        guard let value = Double(argument), value.isFinite else { return nil }
        self = value
    }

    public static var expectedDescription: String? { "a number" }
}
