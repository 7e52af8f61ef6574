// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition

/// One call of an intrinsic function with its arguments already evaluated.
///
/// The argument rules follow AWS's documentation of each function. AWS's
/// exact `States.IntrinsicFailure` cause texts are not in the recorded
/// corpus, so the causes here name the function, the argument and the rule.
struct IntrinsicInvocation {
    let call: IntrinsicCall
    let arguments: [JSONValue]
    let random: RandomSource

    /// The largest string `States.Base64Encode`, `Base64Decode` and `Hash`
    /// accept, in UTF-16 code units as Java counts them.
    static let maximumStringLength = 10_000
    /// The most elements `States.ArrayRange` may produce.
    static let maximumRangeCount = 1_000

    func run() throws(WorkflowFailure) -> JSONValue {
        switch call.function {
        case .format: try format()
        case .stringToJSON: try stringToJSON()
        case .jsonToString: .string(JavaText.json(arguments[0]))
        case .array: .array(arguments)
        case .arrayPartition: try arrayPartition()
        case .arrayContains: .bool(try array(0).contains(arguments[1]))
        case .arrayRange: try arrayRange()
        case .arrayGetItem: try arrayGetItem()
        case .arrayLength: .number(JSONNumber(try array(0).count))
        case .arrayUnique: .array(IntrinsicInvocation.unique(try array(0)))
        case .base64Encode: try base64Encode()
        case .base64Decode: try base64Decode()
        case .hash: try hash()
        case .jsonMerge: try jsonMerge()
        case .mathRandom: try mathRandom()
        case .mathAdd: try mathAdd()
        case .stringSplit: try stringSplit()
        case .uuid: .string(random.uuid())
        }
    }

    // MARK: - Argument checks

    // TODO: AWS's States.IntrinsicFailure cause texts are not in the recorded corpus, so
    // users see Cairn's own wording, which names the function, argument and rule.
    func failure(_ reason: String) -> WorkflowFailure {
        .intrinsic("Invalid arguments in \(call.name): \(reason)")
    }

    private static let ordinals = ["first", "second", "third"]

    func describe(_ index: Int) -> String {
        let ordinal = index < 3 ? IntrinsicInvocation.ordinals[index] : "argument \(index + 1)"
        return "the \(ordinal) argument"
    }

    private func wrongType(_ index: Int, expected: String) -> WorkflowFailure {
        let value = arguments[index]
        return failure(
            "\(describe(index)) must be \(expected), but was the \(value.typeName) "
                + JavaText.json(value)
        )
    }

    func array(_ index: Int) throws(WorkflowFailure) -> [JSONValue] {
        guard let elements = arguments[index].arrayValue else {
            throw wrongType(index, expected: "an array")
        }
        return elements
    }

    func string(_ index: Int) throws(WorkflowFailure) -> String {
        guard let text = arguments[index].stringValue else {
            throw wrongType(index, expected: "a string")
        }
        return text
    }

    func object(_ index: Int) throws(WorkflowFailure) -> JSONObject {
        guard let object = arguments[index].objectValue else {
            throw wrongType(index, expected: "a JSON object")
        }
        return object
    }

    /// A whole number; `1.0` counts as one, `1.5` does not.
    func integer(_ index: Int) throws(WorkflowFailure) -> Int64 {
        guard let number = arguments[index].numberValue, let value = number.int64Value else {
            throw wrongType(index, expected: "an integer")
        }
        return value
    }

    /// Any number, rounded half up as Java's `Math.round` does.
    func roundedInteger(_ index: Int) throws(WorkflowFailure) -> Int64 {
        guard let number = arguments[index].numberValue else {
            throw wrongType(index, expected: "a number")
        }
        if let exact = Int64(number.literal) { return exact }
        let rounded = (number.doubleValue + 0.5).rounded(.down)
        guard let value = Int64(exactly: rounded) else {
            throw failure("\(describe(index)) is out of range: \(JavaText.number(number))")
        }
        return value
    }

    func checkLength(_ text: String, _ index: Int) throws(WorkflowFailure) {
        let limit = IntrinsicInvocation.maximumStringLength
        if text.utf16.count > limit {
            throw failure("\(describe(index)) is longer than \(limit) characters")
        }
    }

    static func unique(_ elements: [JSONValue]) -> [JSONValue] {
        var seen = Set<JSONValue>()
        return elements.filter { seen.insert($0).inserted }
    }
}
