// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

// MARK: - Field names

extension StateMachineDecoder {
    /// Reports members whose names are unknown, or known but out of place,
    /// and hides them from later reads.
    ///
    /// - Parameters:
    ///   - allowed: the names this object takes.
    ///   - known: names that exist elsewhere in the language; a member with one
    ///     of these names is misplaced rather than misspelled.
    ///   - owner: how messages name the object, such as "a Task state".
    mutating func checkFieldNames(
        _ fields: inout FieldSet,
        allowed: [String],
        known: [String],
        owner: String
    ) {
        for key in fields.object.keys where !allowed.contains(key) {
            fields.rejected.insert(key)
            if known.contains(key) {
                report("\(owner) cannot have the field '\(key)'", atKey: fields.path(key))
            } else {
                report(
                    "unknown field '\(key)' in \(owner)"
                        + ValidationSuggestion.hint(for: key, among: allowed),
                    atKey: fields.path(key)
                )
            }
        }
    }
}

// MARK: - Scalars

extension StateMachineDecoder {
    /// Describes a value the way messages quote what was found.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "the boolean \(flag)"
        case .number(let number): "the number \(number.literal)"
        case .string(let text):
            text.count > 60
                ? "the string " + JSONValue.string(String(text.prefix(57)) + "...").compactText
                : "the string " + JSONValue.string(text).compactText
        case .array(let elements): elements.isEmpty ? "an empty array" : "an array"
        case .object: "an object"
        }
    }

    /// The string member named `key`, reporting any other kind of value.
    mutating func readString(_ key: String, in fields: FieldSet) -> String? {
        guard let value = fields[key] else { return nil }
        guard let text = value.stringValue else {
            report(
                "\(key) must be a string, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return nil
        }
        return text
    }

    /// The Boolean member named `key`, reporting any other kind of value.
    mutating func readBool(_ key: String, in fields: FieldSet) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard let flag = value.boolValue else {
            report(
                "\(key) must be true or false, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return nil
        }
        return flag
    }

    /// The whole-number member named `key`, at least `minimum`.
    mutating func readInteger(_ key: String, in fields: FieldSet, minimum: Int) -> Int? {
        guard let value = fields[key] else { return nil }
        return integer(value, field: key, minimum: minimum, at: fields.path(key))
    }

    /// `value` as a whole number of at least `minimum`, or a report.
    mutating func integer(
        _ value: JSONValue,
        field: String,
        minimum: Int,
        at path: DocumentPath
    ) -> Int? {
        if let number = value.numberValue, number.isIntegral,
            let exact = number.int64Value, let integer = Int(exactly: exact), integer >= minimum
        {
            return integer
        }
        let expected = minimum == 1 ? "a positive integer" : "an integer of at least \(minimum)"
        report("\(field) must be \(expected), found " + Self.describe(value), atValue: path)
        return nil
    }

    /// The number member named `key`, within `range`.
    mutating func readNumber(
        _ key: String,
        in fields: FieldSet,
        range: ClosedRange<Double>,
        expected: String
    ) -> Double? {
        guard let value = fields[key] else { return nil }
        if let number = value.numberValue, range.contains(number.doubleValue) {
            return number.doubleValue
        }
        report(
            "\(key) must be \(expected), found " + Self.describe(value),
            atValue: fields.path(key)
        )
        return nil
    }

    /// `QueryLanguage`, when present and valid.
    mutating func readQueryLanguage(in fields: FieldSet) -> QueryLanguage? {
        guard let text = readString("QueryLanguage", in: fields) else { return nil }
        guard let language = QueryLanguage(rawValue: text) else {
            report(
                "QueryLanguage must be 'JSONPath' or 'JSONata', found '\(text)'",
                atValue: fields.path("QueryLanguage")
            )
            return nil
        }
        return language
    }

    /// The string members of an array, such as ErrorEquals.
    mutating func readStringArray(_ key: String, in fields: FieldSet) -> [String]? {
        guard let value = fields[key] else { return nil }
        guard let elements = value.arrayValue else {
            report(
                "\(key) must be an array of strings, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return nil
        }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                report(
                    "\(key) must hold only strings, found " + Self.describe(element),
                    atValue: fields.path(key) + [.index(index)]
                )
                return nil
            }
            strings.append(text)
        }
        return strings
    }
}

// MARK: - Paths

extension StateMachineDecoder {
    /// Parses a JSONPath written in `field`, reporting a syntax problem.
    mutating func parsePath(_ text: String, field: String, at path: DocumentPath) -> JSONPath? {
        do {
            return try JSONPath(parsing: text)
        } catch {
            report("\(field): \(error.message)", atValue: path, code: .invalidPath)
            return nil
        }
    }

    /// A data-flow path field (`InputPath`, `OutputPath`, `ResultPath`,
    /// `ItemsPath`): absent is the whole value, `null` discards.
    ///
    /// - Parameter isReference: the path must name a single place in the
    ///   state's input, as `ResultPath` and `ItemsPath` must.
    mutating func readDataPath(
        _ key: String,
        in fields: FieldSet,
        isReference: Bool = false,
        isWritten: Bool = false
    ) -> DataPath {
        guard let value = fields[key] else { return .whole }
        if value.isNull { return .discard }
        guard let text = value.stringValue else {
            report(
                "\(key) must be a path string or null, found " + Self.describe(value),
                atValue: fields.path(key)
            )
            return .whole
        }
        guard let path = parsePath(text, field: key, at: fields.path(key)) else { return .whole }
        if isReference, !path.isReference {
            report(
                "\(key) must be a reference path, naming a single value without "
                    + "wildcards, filters or slices, found '\(text)'",
                atValue: fields.path(key),
                code: .invalidPath
            )
        } else if isWritten, path.root != .input {
            report(
                "\(key) must be a path into the state's input, starting with '$', "
                    + "found '\(text)'",
                atValue: fields.path(key),
                code: .invalidPath
            )
        }
        return .path(path)
    }

    /// A reference path read from a `...Path` field (`TimeoutSecondsPath`).
    mutating func readReferencePath(_ key: String, in fields: FieldSet) -> JSONPath? {
        guard let text = readString(key, in: fields) else { return nil }
        guard let path = parsePath(text, field: key, at: fields.path(key)) else { return nil }
        if !path.isReference {
            report(
                "\(key) must be a reference path, naming a single value without "
                    + "wildcards, filters or slices, found '\(text)'",
                atValue: fields.path(key),
                code: .invalidPath
            )
        }
        return path
    }
}
