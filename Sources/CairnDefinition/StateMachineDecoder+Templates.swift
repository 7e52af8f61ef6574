// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnJSONata
import Foundation

// MARK: - Payload templates

extension StateMachineDecoder {
    /// Every intrinsic function the States Language defines.
    static let intrinsicFunctionNames = IntrinsicFunction.allCases.map(\.rawValue)

    /// Compiles the payload template in the member named `key`.
    mutating func readTemplate(_ key: String, in fields: FieldSet) -> PayloadTemplate? {
        guard let value = fields[key] else { return nil }
        return compileTemplate(value, at: fields.path(key))
    }

    /// Compiles a payload template, first checking the names of the intrinsic
    /// functions it calls so that a misspelling gets a hint.
    mutating func compileTemplate(_ value: JSONValue, at path: DocumentPath) -> PayloadTemplate? {
        guard checkIntrinsicNames(inTemplate: value, at: path) else { return nil }
        do {
            return try PayloadTemplate(compiling: value)
        } catch {
            report(error.message, atValue: path + error.documentPath, code: error.code)
            return nil
        }
    }

    /// An `ErrorPath` or `CausePath`: a path or an intrinsic function call.
    mutating func readPathOrIntrinsic(_ key: String, in fields: FieldSet) -> PayloadTemplate? {
        guard let text = readString(key, in: fields) else { return nil }
        if text.hasPrefix("$") {
            return parsePath(text, field: key, at: fields.path(key)).map { .path($0) }
        }
        guard checkIntrinsicNames(inExpression: text, at: fields.path(key)) else { return nil }
        do {
            return .intrinsic(try IntrinsicCall(parsing: text))
        } catch {
            report("\(key): \(error.message)", atValue: fields.path(key), code: error.code)
            return nil
        }
    }

    /// Reports intrinsic functions with unknown names in a template's dynamic
    /// (`.$`) members; returns whether all names were known.
    private mutating func checkIntrinsicNames(
        inTemplate value: JSONValue,
        at path: DocumentPath
    ) -> Bool {
        switch value {
        case .object(let object):
            var allKnown = true
            for (key, member) in object {
                let memberPath = path + [.key(key)]
                if key.hasSuffix(".$"), let text = member.stringValue, !text.hasPrefix("$") {
                    allKnown = checkIntrinsicNames(inExpression: text, at: memberPath) && allKnown
                } else {
                    allKnown = checkIntrinsicNames(inTemplate: member, at: memberPath) && allKnown
                }
            }
            return allKnown
        case .array(let elements):
            var allKnown = true
            for (index, element) in elements.enumerated() {
                allKnown =
                    checkIntrinsicNames(inTemplate: element, at: path + [.index(index)])
                    && allKnown
            }
            return allKnown
        default:
            return true
        }
    }

    /// Reports the first unknown function name in an intrinsic expression.
    private mutating func checkIntrinsicNames(
        inExpression text: String,
        at path: DocumentPath
    ) -> Bool {
        for name in Self.calledFunctionNames(in: text)
        where !Self.intrinsicFunctionNames.contains(name) {
            report(
                "unknown intrinsic function '\(name)'"
                    + ValidationSuggestion.hint(for: name, among: Self.intrinsicFunctionNames),
                atValue: path,
                code: .invalidIntrinsic
            )
            return false
        }
        return true
    }

    /// The names written before an opening parenthesis outside quoted text.
    static func calledFunctionNames(in text: String) -> [String] {
        var names: [String] = []
        var word = ""
        var isQuoted = false
        var isEscaped = false
        for character in text {
            if isQuoted {
                if isEscaped {
                    isEscaped = false
                } else if character == "\\" {
                    isEscaped = true
                } else if character == "'" {
                    isQuoted = false
                }
                continue
            }
            if character == "'" {
                isQuoted = true
                word = ""
            } else if character == "(" {
                if !word.isEmpty { names.append(word) }
                word = ""
            } else if character.isLetter || character.isNumber || character == "."
                || character == "_"
            {
                word.append(character)
            } else {
                word = ""
            }
        }
        return names
    }
}

// MARK: - JSONata

extension StateMachineDecoder {
    /// Whether `text` is a whole JSONata expression, `{% ... %}`.
    static func isJSONataExpression(_ text: String) -> Bool {
        text.hasPrefix("{%") && text.hasSuffix("%}") && text.count >= 4
    }

    /// Checks a JSONata field's value: its `{% %}` strings must be closed, not
    /// empty, and parse as JSONata.
    mutating func checkJSONata(_ value: JSONValue, field: String, at path: DocumentPath) {
        switch value {
        case .string(let text) where text.hasPrefix("{%"):
            if !Self.isJSONataExpression(text) {
                report(
                    "\(field): a JSONata expression must end with '%}'",
                    atValue: path
                )
            } else if text.dropFirst(2).dropLast(2)
                .trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                report("\(field): the JSONata expression is empty", atValue: path)
            } else {
                do {
                    _ = try JSONataExpression(parsing: String(text.dropFirst(2).dropLast(2)))
                } catch {
                    report("\(field): the JSONata expression does not parse: \(error.message)",
                           atValue: path)
                }
            }
        case .object(let object):
            // AWS keeps keys ending in `.$` as literal names in JSONata states.
            for (key, member) in object {
                checkJSONata(member, field: field, at: path + [.key(key)])
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                checkJSONata(element, field: field, at: path + [.index(index)])
            }
        default:
            break
        }
    }

    /// A JSONata field's value, checked.
    mutating func readJSONata(_ key: String, in fields: FieldSet) -> JSONValue? {
        guard let value = fields[key] else { return nil }
        checkJSONata(value, field: key, at: fields.path(key))
        return value
    }

    /// A whole number in a JSONata state: a literal or a `{% %}` expression.
    mutating func readJSONataInteger(
        _ key: String,
        in fields: FieldSet,
        minimum: Int
    ) -> DynamicInteger? {
        guard let value = fields[key] else { return nil }
        if case .string(let text) = value, text.hasPrefix("{%") {
            checkJSONata(value, field: key, at: fields.path(key))
            return .jsonata(text)
        }
        return integer(value, field: key, minimum: minimum, at: fields.path(key)).map {
            .literal($0)
        }
    }
}

// MARK: - Variables

extension StateMachineDecoder {
    /// `Assign`: an object of variable names, in the state's query language.
    mutating func readAssign(in fields: FieldSet, language: QueryLanguage) -> Assignment? {
        guard let value = fields["Assign"] else { return nil }
        let path = fields.path("Assign")
        guard let object = value.objectValue else {
            report(
                "Assign must be an object of variable names, found " + Self.describe(value),
                atValue: path
            )
            return nil
        }
        for key in object.keys {
            let name = language == .jsonPath && key.hasSuffix(".$") ? String(key.dropLast(2)) : key
            if !Self.isVariableName(name) {
                report(
                    "'\(name)' is not a valid variable name: use letters, digits and '_', "
                        + "not starting with a digit, at most 80 characters",
                    atKey: path + [.key(key)]
                )
            }
        }
        switch language {
        case .jsonPath:
            return compileTemplate(value, at: path).map { .template($0) }
        case .jsonata:
            checkJSONata(value, field: "Assign", at: path)
            return .jsonata(value)
        }
    }

    /// Whether `name` can name a variable (`$name` in paths and expressions).
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 80 else { return false }
        guard first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
