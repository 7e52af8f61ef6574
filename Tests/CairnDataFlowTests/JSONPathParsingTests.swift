// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Testing

@Suite struct JSONPathParsingTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let text: String
        let isReference: Bool
        let isDefinite: Bool
        var testDescription: String { text }
    }

    @Test(arguments: [
        Shape(text: "$", isReference: true, isDefinite: true),
        Shape(text: "$.a.b", isReference: true, isDefinite: true),
        Shape(text: "$['a b'].c", isReference: true, isDefinite: true),
        Shape(text: "$.items[0]", isReference: true, isDefinite: true),
        Shape(text: "$.items[-1]", isReference: true, isDefinite: true),
        Shape(text: "$$.Execution.Input.input-value", isReference: true, isDefinite: true),
        Shape(text: "$answer.count", isReference: true, isDefinite: true),
        Shape(text: "$['a','b']", isReference: false, isDefinite: true),
        Shape(text: "$.items.length()", isReference: false, isDefinite: true),
        Shape(text: "$.items[*]", isReference: false, isDefinite: false),
        Shape(text: "$.items.*", isReference: false, isDefinite: false),
        Shape(text: "$.items[1:3]", isReference: false, isDefinite: false),
        Shape(text: "$.items[:2]", isReference: false, isDefinite: false),
        Shape(text: "$.items[-1:]", isReference: false, isDefinite: false),
        Shape(text: "$.items[0,1]", isReference: false, isDefinite: false),
        Shape(text: "$..price", isReference: false, isDefinite: false),
        Shape(text: "$.users[?(@.status == 0)]", isReference: false, isDefinite: false),
        Shape(
            text: "$..book[?(@.price < 10 && @.isbn)].title",
            isReference: false,
            isDefinite: false
        ),
    ])
    func classifiesPaths(_ shape: Shape) throws {
        let path = try JSONPath(parsing: shape.text)
        #expect(path.isReference == shape.isReference)
        #expect(path.isDefinite == shape.isDefinite)
        #expect(path.text == shape.text)
    }

    @Test func readsRootsAndSegments() throws {
        let context = try JSONPath(parsing: "$$.Map.Item.Value")
        #expect(context.root == .context)
        #expect(context.segments == [.member("Map"), .member("Item"), .member("Value")])

        let variable = try JSONPath(parsing: "$total_2[3]")
        #expect(variable.root == .variable("total_2"))
        #expect(variable.segments == [.index(3)])

        let escaped = try JSONPath(parsing: #"$['it\'s', "x"]"#)
        #expect(escaped.segments == [.members(["it's", "x"])])
    }

    @Test func keepsBackslashesThatEscapeNothingAsAWSDoes() throws {
        // The recorded case escape_sequences_jsonpath selects this key as written.
        let path = try JSONPath(parsing: #"$['Test\""Name"']"#)
        #expect(path.segments == [.member(#"Test\""Name""#)])
    }

    @Test func parsesFilters() throws {
        let path = try JSONPath(parsing: "$.a[?(@.price <= 10 || !(@.tag in ['x', 'y']))]")
        let expected = JSONPath.Filter.or(
            .comparison(.current([.member("price")]), .lessThanOrEqual, .literal(10)),
            .not(.comparison(.current([.member("tag")]), .in, .literal(["x", "y"])))
        )
        #expect(path.segments == [.member("a"), .filter(expected)])
    }

    @Test(arguments: [
        ("a.b", "'a.b' is not a valid JSONPath: a path must start with '$' (at character 1)"),
        ("$.a b", "'$.a b' is not a valid JSONPath: use bracket notation ['my name'] "
            + "for a member name with spaces (at character 4)"),
        ("$.", "'$.' is not a valid JSONPath: expected a member name (at character 3)"),
        ("$.a[", "'$.a[' is not a valid JSONPath: expected '*', a quoted name, an index, "
            + "a slice or a filter after '[' (at character 5)"),
        ("$['a'", "'$['a'' is not a valid JSONPath: expected ']' but found the end "
            + "(at character 6)"),
        ("$.a[0:2:1]", "'$.a[0:2:1]' is not a valid JSONPath: slices with a step ([a:b:c]) "
            + "are not supported (at character 8)"),
        ("$.a.length().b", "'$.a.length().b' is not a valid JSONPath: a function such as "
            + "length() must end the path (at character 13)"),
        ("$.a.nope()", "'$.a.nope()' is not a valid JSONPath: unknown path function 'nope()'; "
            + "known: length(), size(), min(), max(), avg(), sum(), stddev(), keys(), "
            + "first(), last() (at character 11)"),
    ])
    func rejectsMalformedPaths(_ text: String, _ message: String) {
        #expect {
            try JSONPath(parsing: text)
        } throws: { error in
            let definitionError = error as? CairnDefinitionError
            return definitionError?.code == .invalidPath && definitionError?.message == message
        }
    }
}
