// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import Testing

@Suite struct JSONParserTests {
    @Test func stringsWithEscapesDecodeExactly() throws {
        let text = #"{"a": "x\"y\\z\n\u00e9\ud83d\ude00 end", "b": "plain"}"#
        let value = try JSONValue(parsing: text)
        #expect(value["a"] == "x\"y\\z\né😀 end")
        #expect(value["b"] == "plain")
    }

    @Test func numbersKeepTheirLiteral() throws {
        let value = try JSONValue(parsing: "[12345678901234567890, 0.10, 1e3]")
        #expect(value.compactText == "[12345678901234567890,0.10,1e3]")
        #expect(value[2] == 1000)
    }

    /// Columns on a very long line are counted on from the last one asked
    /// for; they must still be exact, also after an escape and non-ASCII text.
    @Test func positionsOnOneLongLineAreExact() throws {
        var text = "{"
        for index in 0..<2_000 { text += #""k\#(index)": "é\"\#(index)", "# }
        text += #""last": 1}"#
        let (value, map) = try JSONValue.parseWithSourceMap(text, file: "one-line.json")
        #expect(value["last"] == 1)
        // Columns count characters: the text before "last" is all of it but its tail.
        let charactersBeforeLast = text.count - #""last": 1}"#.count
        #expect(map.keyLocation(of: [.key("last")]).column == charactersBeforeLast + 1)
        #expect(map.keyLocation(of: [.key("k0")]).column == 2)
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "doc.json:1:10: duplicate key 'a'"),
        ("[1, 2", "doc.json:1:6: expected ',' or ']' in array"),
        (
            "\"a\u{1}\"",
            "doc.json:1:3: control character in string; write it as an escape such as \\n"
        ),
    ])
    func problemsNameTheirPlace(text: String, message: String) {
        #expect(throws: CairnCoreError.self) { try JSONValue(parsing: text, file: "doc.json") }
        do {
            _ = try JSONValue(parsing: text, file: "doc.json")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
