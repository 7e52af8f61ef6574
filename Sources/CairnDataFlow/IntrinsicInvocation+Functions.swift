// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnCrypto
import CairnDefinition
import Foundation

extension IntrinsicInvocation {
    // MARK: - Strings and JSON

    /// `States.Format(template, values...)`: each `{}` takes the next value
    /// as Java prints it, so objects read `{a=1, b=[x, y]}`.
    func format() throws(WorkflowFailure) -> JSONValue {
        let pieces: [String]
        if case .template(let written) = call.arguments[0] {
            pieces = written
        } else {
            pieces = try string(0).components(separatedBy: "{}")
        }
        let values = arguments.dropFirst()
        guard pieces.count - 1 == values.count else {
            throw failure(
                "the template has \(pieces.count - 1) placeholder(s) but "
                    + "\(values.count) value(s) were given"
            )
        }
        var text = pieces[0]
        for (value, piece) in zip(values, pieces.dropFirst()) {
            text += JavaText.display(value) + piece
        }
        return .string(text)
    }

    /// `States.StringToJson(text)`: blank text is `null`, as Jackson reads it.
    func stringToJSON() throws(WorkflowFailure) -> JSONValue {
        let text = try string(0).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .null }
        do {
            return JavaText.normalized(try JSONValue(parsing: text))
        } catch {
            throw failure("the first argument is not valid JSON: \(JavaText.json(arguments[0]))")
        }
    }

    /// `States.StringSplit(text, delimiters)`: every character of the
    /// second argument splits, and empty pieces are dropped, as Java's
    /// `StringTokenizer` does.
    func stringSplit() throws(WorkflowFailure) -> JSONValue {
        let text = try string(0)
        let delimiters = Set(try string(1).unicodeScalars)
        var pieces: [JSONValue] = []
        var piece = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if delimiters.contains(scalar) {
                if !piece.isEmpty { pieces.append(.string(String(piece))) }
                piece = String.UnicodeScalarView()
            } else {
                piece.append(scalar)
            }
        }
        if !piece.isEmpty { pieces.append(.string(String(piece))) }
        return .array(pieces)
    }

    /// `States.JsonMerge(left, right, false)`: a shallow merge in which the
    /// right object's members win.
    func jsonMerge() throws(WorkflowFailure) -> JSONValue {
        var merged = try object(0)
        let right = try object(1)
        guard let deep = arguments[2].boolValue else {
            throw failure("\(describe(2)) must be the boolean false")
        }
        if deep {
            throw failure("deep merging is not supported; \(describe(2)) must be false")
        }
        for (key, value) in right { merged[key] = value }
        return .object(merged)
    }

    // MARK: - Arrays

    /// `States.ArrayPartition(array, size)`: chunks of `size`, the last one
    /// shorter when the elements run out.
    func arrayPartition() throws(WorkflowFailure) -> JSONValue {
        let elements = try array(0)
        let size = try integer(1)
        guard size > 0 else {
            throw failure("\(describe(1)) must be a positive integer, but was \(size)")
        }
        let width = Int(clamping: size)
        let chunks = stride(from: 0, to: elements.count, by: width).map { start in
            JSONValue.array(Array(elements[start..<min(start + width, elements.count)]))
        }
        return .array(chunks)
    }

    /// `States.ArrayRange(first, last, step)`: `first`, `first + step`, ...
    /// up to and including `last` when a step lands on it.
    func arrayRange() throws(WorkflowFailure) -> JSONValue {
        let first = try integer(0)
        let last = try integer(1)
        let step = try integer(2)
        guard step != 0 else {
            throw failure("\(describe(2)) (the step) must not be 0")
        }
        let distance = last.subtractingReportingOverflow(first)
        let count = distance.overflow || (distance.partialValue < 0) != (step < 0)
            ? (distance.overflow ? Int64.max : 0)
            : distance.partialValue / step + 1
        guard count <= Int64(IntrinsicInvocation.maximumRangeCount) else {
            throw failure(
                "the range would hold more than \(IntrinsicInvocation.maximumRangeCount) elements"
            )
        }
        let values = (0..<count).map { JSONValue.number(JSONNumber(first + $0 * step)) }
        return .array(values)
    }

    /// `States.ArrayGetItem(array, index)`.
    func arrayGetItem() throws(WorkflowFailure) -> JSONValue {
        let elements = try array(0)
        let index = try integer(1)
        guard index >= 0, index < Int64(elements.count) else {
            throw failure(
                "the index \(index) is out of bounds for an array of \(elements.count) element(s)"
            )
        }
        return elements[Int(index)]
    }

    // MARK: - Encoding and hashing

    func base64Encode() throws(WorkflowFailure) -> JSONValue {
        let text = try string(0)
        try checkLength(text, 0)
        return .string(Data(text.utf8).base64EncodedString())
    }

    func base64Decode() throws(WorkflowFailure) -> JSONValue {
        let text = try string(0)
        try checkLength(text, 0)
        guard let data = Data(base64Encoded: text) else {
            throw failure("\(describe(0)) is not valid Base64")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw failure("\(describe(0)) does not decode to UTF-8 text")
        }
        return .string(decoded)
    }

    /// `States.Hash(data, algorithm)`: the hexadecimal digest of the data's
    /// UTF-8 bytes; data that is not a string is hashed as its JSON text.
    func hash() throws(WorkflowFailure) -> JSONValue {
        let data = arguments[0].stringValue ?? JavaText.json(arguments[0])
        try checkLength(data, 0)
        let name = try string(1)
        guard let algorithm = DigestAlgorithm(name: name) else {
            let names = DigestAlgorithm.allCases.map(\.name).joined(separator: ", ")
            throw failure("the algorithm '\(name)' is not one of \(names)")
        }
        do {
            return .string(try hexDigest(of: Array(data.utf8), using: algorithm))
        } catch {
            throw .runtime("\(call.name) could not compute the digest: \(error)")
        }
    }

    // MARK: - Math

    /// `States.MathAdd(a, b)`: each number is rounded as Java's `Math.round`
    /// rounds, and both must fit a 32-bit integer.
    func mathAdd() throws(WorkflowFailure) -> JSONValue {
        let left = try int32(0)
        let right = try int32(1)
        return .number(JSONNumber(left + right))
    }

    /// `States.MathRandom(start, end[, seed])`: an integer with
    /// `start <= n < end`; a seed makes the draw reproducible.
    func mathRandom() throws(WorkflowFailure) -> JSONValue {
        let start = try int32(0)
        let end = try int32(1)
        guard start < end else {
            throw failure("\(describe(0)) (\(start)) must be less than \(describe(1)) (\(end))")
        }
        var source = random
        if arguments.count == 3 {
            source = .seeded(UInt64(bitPattern: try roundedInteger(2)))
        }
        return .number(JSONNumber(source.integer(in: start...(end - 1))))
    }

    private func int32(_ index: Int) throws(WorkflowFailure) -> Int64 {
        let value = try roundedInteger(index)
        guard Int64(Int32.min)...Int64(Int32.max) ~= value else {
            throw failure(
                "\(describe(index)) must be between \(Int32.min) and \(Int32.max), but was \(value)"
            )
        }
        return value
    }
}
