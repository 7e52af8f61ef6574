// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnJSONata
import Testing

/// Expressions and the JSON they evaluate to, against one fixed document
/// bound to `$states.input` and a few variables.
@Suite struct JSONataExpressionTests {
    static let document = """
        {"order": {"id": 7, "items": [
            {"sku": "a", "price": 2.5, "qty": 2, "tags": ["x", "y"]},
            {"sku": "b", "price": 10, "qty": 1, "tags": ["y"]},
            {"sku": "c", "price": 0.1, "qty": 3, "tags": []}
        ]}, "names": ["Ann", "Bob"], "single": [0], "flag": false, "nothing": null,
        "text": "Hello World"}
        """

    static func evaluate(_ source: String) throws -> JSONataResult {
        let input = try JSONValue(parsing: document)
        let environment = JSONataEnvironment(
            variables: ["states": ["input": input], "limit": 5],
            nowMilliseconds: 1_731_687_395_123,
            random: { 0.25 },
            uuid: { "11111111-2222-4333-8444-555555555555" }
        )
        return try JSONataExpression(parsing: source).evaluate(in: environment)
    }

    static let cases: [(String, String)] = [
        // Paths, flattening and singletons.
        ("$states.input.order.id", "7"),
        ("$states.input.order.items.sku", #"["a","b","c"]"#),
        ("$states.input.order.items[0].sku", #""a""#),
        ("$states.input.order.items[-1].sku", #""c""#),
        ("$states.input.order.items[price > 1].sku", #"["a","b"]"#),
        ("$states.input.order.items[sku = 'b'].qty", "1"),
        ("$states.input.order.items.tags", #"["x","y","y"]"#),
        ("$states.input.single", "[0]"),
        ("$states.input.order.items[qty = 1].sku[]", #"["b"]"#),
        ("$states.input.order.items[[0, 2]].sku", #"["a","c"]"#),
        ("$states.input.order.*.sku", #"["a","b","c"]"#),
        ("$states.input.nothing", "null"),
        ("$states.input.order.`id`", "7"),
        ("$states.input.order.**.sku", #"["a","b","c"]"#),
        ("/* a comment */ $states.input.order.id", "7"),
        ("$states.input.order.items.[sku, qty]", #"[["a",2],["b",1],["c",3]]"#),
        // Arithmetic, strings and comparisons.
        ("1 + 2 * 3 - 4 / 2", "5"),
        ("7 % 3", "1"),
        ("-$states.input.order.id", "-7"),
        ("$sum($states.input.order.items.(price * qty))", "15.3"),
        ("'a' & 1 & true & null", #""a1truenull""#),
        (#""x" & $states.input.missing"#, #""x""#),
        ("3 > 2 and 'b' >= 'a'", "true"),
        ("$states.input.flag or $states.input.order.id = 7", "true"),
        ("2 in [1, 2, 3]", "true"),
        ("[1, 2] = [1, 2]", "true"),
        ("{'a': 1} != {'a': 1}", "false"),
        ("$states.input.missing = 1", "false"),
        ("$states.input.flag ? 'yes' : 'no'", #""no""#),
        ("$states.input.missing ?: 'fallback'", #""fallback""#),
        ("$states.input.nothing ?? 'x'", "null"),
        // Constructors, ranges and blocks.
        ("[1..4]", "[1,2,3,4]"),
        ("[1, [2, 3], 4..5]", "[1,[2,3],4,5]"),
        (
            "{'n': $count($states.input.names), 'first': $states.input.names[0]}",
            #"{"n":2,"first":"Ann"}"#
        ),
        ("$states.input.order.items{sku: qty}", #"{"a":2,"b":1,"c":3}"#),
        ("($x := 3; $y := $x * 2; $x + $y)", "9"),
        ("$limit", "5"),
        // Functions and lambdas.
        ("$map([1, 2, 3], function($v) { $v * 10 })", "[10,20,30]"),
        ("$map([1, 2, 3], function($v, $i) { $i })", "[0,1,2]"),
        ("$filter([1, 2, 3, 4], function($v) { $v % 2 = 0 })", "[2,4]"),
        ("$reduce([1, 2, 3, 4], function($a, $b) { $a + $b })", "10"),
        ("$reduce([1, 2, 3], function($a, $b) { $a + $b }, 10)", "16"),
        ("($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))", "120"),
        ("$states.input.names ~> $join(', ')", #""Ann, Bob""#),
        ("($twice := $uppercase ~> $lowercase; $twice('AbC'))", #""abc""#),
        ("($add := function($a, $b) { $a + $b }; $inc := $add(?, 1); $inc(41))", "42"),
        ("$states.input.order.items^(>price).sku", #"["b","a","c"]"#),
        ("$sort([3, 1, 2])", "[1,2,3]"),
        ("$sort(['b', 'a'], function($l, $r) { $l < $r })", #"["b","a"]"#),
        ("$each({'a': 1, 'b': 2}, function($v, $k) { $k & $v })", #"["a1","b2"]"#),
        ("$sift({'a': 1, 'b': 2}, function($v) { $v > 1 })", #"{"b":2}"#),
        ("$single([1, 2, 3], function($v) { $v = 2 })", "2"),
        // The standard library.
        ("$string(1e21)", #""1e+21""#),
        ("$string(0.1 + 0.2)", #""0.3""#),
        ("$string({'a': [1, true]})", #""{\"a\":[1,true]}""#),
        ("$string(1/3)", #""0.333333333333333""#),
        ("$number('2')", "2"),
        ("$number('0x1F')", "31"),
        ("$length('héllo')", "5"),
        ("$substring('Hello World', 3, 5)", #""lo Wo""#),
        ("$substring('Hello World', -5)", #""World""#),
        ("$substringBefore('a-b-c', '-')", #""a""#),
        ("$substringAfter('a-b-c', '-')", #""b-c""#),
        ("$uppercase($states.input.text)", #""HELLO WORLD""#),
        ("$lowercase('ABC')", #""abc""#),
        ("$trim('  a   b  ')", #""a b""#),
        ("$pad('7', -3, '0')", #""007""#),
        ("$contains($states.input.text, 'World')", "true"),
        ("$contains('hello$world', /^hello\\$/)", "true"),
        ("$split('a,b,c', ',')", #"["a","b","c"]"#),
        ("$split('a1b22c', /[0-9]+/)", #"["a","b","c"]"#),
        ("$join(['a', 'b'])", #""ab""#),
        ("$replace('abcabc', 'b', 'X')", #""aXcaXc""#),
        ("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", #""Smith, John""#),
        ("$match('ab12cd345', /[0-9]+/).match", #"["12","345"]"#),
        ("$base64encode('hi')", #""aGk=""#),
        ("$base64decode('aGk=')", #""hi""#),
        ("$encodeUrlComponent('a b&c')", #""a%20b%26c""#),
        ("$abs(-2)", "2"),
        ("$floor(2.7)", "2"),
        ("$ceil(2.1)", "3"),
        ("$round(2.5)", "2"),
        ("$round(3.5)", "4"),
        ("$round(2.675, 2)", "2.68"),
        ("$power(2, 10)", "1024"),
        ("$sqrt(16)", "4"),
        ("$max([1, 5, 3])", "5"),
        ("$min([4, 2])", "2"),
        ("$average([1, 2, 3, 4])", "2.5"),
        ("$count($states.input.missing)", "0"),
        ("$count($states.input.nothing)", "1"),
        ("$formatNumber(1234.5, '#,##0.00')", #""1,234.50""#),
        ("$formatBase(255, 16)", #""ff""#),
        ("$boolean('')", "false"),
        ("$not($states.input.flag)", "true"),
        ("$exists($states.input.nothing)", "true"),
        ("$exists($states.input.missing)", "false"),
        ("$type([])", #""array""#),
        ("$type(function() { 1 })", #""function""#),
        ("$append([1], 2)", "[1,2]"),
        ("$reverse([1, 2, 3])", "[3,2,1]"),
        ("$distinct([1, 2, 1, 'a', 'a'])", #"[1,2,"a"]"#),
        ("$zip([1, 2], ['a', 'b'])", #"[[1,"a"],[2,"b"]]"#),
        ("$keys({'a': 1, 'b': 2})", #"["a","b"]"#),
        ("$lookup({'a': 1}, 'a')", "1"),
        ("$spread({'a': 1, 'b': 2})", #"[{"a":1},{"b":2}]"#),
        ("$merge([{'a': 1}, {'b': 2}, {'a': 3}])", #"{"a":3,"b":2}"#),
        ("$millis()", "1731687395123"),
        ("$now()", #""2024-11-15T16:16:35.123Z""#),
        ("$fromMillis(0)", #""1970-01-01T00:00:00.000Z""#),
        ("$toMillis('2024-02-29T12:00:00.5+01:00')", "1709204400500"),
        ("$random()", "0.25"),
        ("$random(7) = $random(7)", "true"),
        // Step Functions' own functions.
        ("$partition([1, 2, 3, 4, 5], 2)", "[[1,2],[3,4],[5]]"),
        ("$partition([0], 1)", "[[0]]"),
        ("$range(0, 10, 3)", "[0,3,6,9]"),
        ("$range(1, 9, 9)", "1"),
        ("$range(10, 0, -5)", "[10,5,0]"),
        ("$parse('{\"a\": [1, 2]}')", #"{"a":[1,2]}"#),
        ("$uuid()", #""11111111-2222-4333-8444-555555555555""#),
    ]

    @Test(arguments: cases)
    func evaluates(source: String, expected: String) throws {
        #expect(try Self.evaluate(source) == .value(try JSONValue(parsing: expected)))
    }

    static let undefinedCases = [
        "$states.input.missing",
        "$doesNotExist",
        "$states.input.order.items[price > 100]",
        "$states.input.missing + 1",
        "$partition([], 2)",
        "$range(0, 10)",
        "$range(0, 10, -1)",
        "$hash('x')",
        "$states.input.flag ? 1",
    ]

    @Test(arguments: undefinedCases)
    func evaluatesToNothing(source: String) throws {
        #expect(try Self.evaluate(source) == .undefined)
    }

    @Test func aFunctionHasNoJSONForm() throws {
        #expect(try Self.evaluate("$fn := function($x) { $x }") == .function)
    }

    static let failureCases: [(String, String)] = [
        ("'a' + 1", "T2001"),
        ("1 + 'a'", "T2002"),
        ("1 < 'a'", "T2009"),
        ("$states.input.order < 1", "T2010"),
        ("$uppercase(1)", "T0410"),
        ("$number('abc')", "D3030"),
        ("$sum(['a'])", "T0412"),
        ("$nope()", "T1006"),
        ("$error('boom')", "D3137"),
        ("1/0", "D1001"),
        ("{1: 2}", "T1003"),
        ("$eval('1')", "T1006"),
        ("($f := function($n) { $f($n + 1) + 1 }; $f(0))", "U1001"),
    ]

    @Test(arguments: failureCases)
    func failsWithJSONataCode(source: String, code: String) throws {
        do {
            _ = try Self.evaluate(source)
            Issue.record("expected \(code) from \(source)")
        } catch let error as CairnJSONataError {
            #expect(error.code == .evaluation)
            #expect(error.jsonataCode == code)
        }
    }

    static let syntaxErrors = ["1 +", "(1", "[1, 2", "'open", "$x := ", "a[1,2)", "/ab"]

    @Test(arguments: syntaxErrors)
    func rejectsMalformedText(source: String) {
        #expect(throws: CairnJSONataError.self) {
            _ = try JSONataExpression(parsing: source)
        }
    }

    @Test func evaluatesAgainstAContextValue() throws {
        let expression = try JSONataExpression(parsing: "items[qty > 1].sku")
        let input = try JSONValue(parsing: #"{"items": [{"sku": "a", "qty": 2}]}"#)
        #expect(try expression.evaluate(input: input, in: JSONataEnvironment()) == .value("a"))
    }

    @Test func hashesThroughTheInjectedDigest() throws {
        let environment = JSONataEnvironment(hash: { text, algorithm in
            algorithm == "SHA-256" ? "digest-of-\(text)" : nil
        })
        let expression = try JSONataExpression(parsing: "$hash('abc', 'SHA-256')")
        #expect(try expression.evaluate(in: environment) == .value("digest-of-abc"))
        #expect(throws: CairnJSONataError.self) {
            try JSONataExpression(parsing: "$hash('abc', 'CRC')").evaluate(in: environment)
        }
    }
}
