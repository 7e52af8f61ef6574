// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Reads one comma-separated item of a cron field: `*`, `5`, `MON-FRI`,
/// `0/15`, `10-50/5`, `L`, `15W`, `6L`, `2#1`.
struct CronItemParser {
    let parser: CronParser
    let spec: CronParser.FieldSpec
    let item: [Character]
    /// The offset of the item's first character in the whole expression.
    let offset: Int
    private var index = 0

    init(parser: CronParser, spec: CronParser.FieldSpec, item: String, offset: Int) {
        self.parser = parser
        self.spec = spec
        self.item = Array(item)
        self.offset = offset
    }

    mutating func parse(into field: inout CronParser.ParsedField) throws(ScheduleError) {
        guard !item.isEmpty else {
            throw fail("empty list item: remove the extra ','", at: 0)
        }
        if item == ["?"] {
            throw fail("'?' must be the whole field, not part of a list", at: 0)
        }
        if item.first == "*" {
            index = 1
            let step = try readStep()
            addRange(spec.range, step: step, into: &field)
            return try expectEnd()
        }
        if try parseSpecialWord(into: &field) { return }

        let first = try readValue()
        if peek == "-" {
            index += 1
            let last = try readValue()
            guard first.value <= last.value else {
                throw fail(
                    "range \(first.text)-\(last.text) runs backwards; write it from low to high",
                    at: first.offset
                )
            }
            let step = try readStep()
            addRange(first.value...last.value, step: step, into: &field)
            return try expectEnd()
        }
        if peek == "/" {
            guard spec.allowsStep else {
                throw fail("'/' is not allowed in the \(spec.name) field", at: index)
            }
            guard spec.allowsStepFromValue else {
                throw fail(
                    "a step follows a range or '*' (write \(first.text)-\(spec.range.upperBound)"
                        + "/n)",
                    at: index
                )
            }
            let step = try readStep()
            addRange(first.value...spec.range.upperBound, step: step, into: &field)
            return try expectEnd()
        }
        try parseSuffix(after: first, into: &field)
    }

    // MARK: - Special forms

    /// `L` alone in either day field; other words starting with `L` there are
    /// refused, since EventBridge documents only `L`, `nW` and `nL`.
    private mutating func parseSpecialWord(
        into field: inout CronParser.ParsedField
    ) throws(ScheduleError) -> Bool {
        let upper = String(item).uppercased()
        if upper == "L", spec.allowsLastDay {
            field.includesLastDay = true
            return true
        }
        if upper == "L", spec.allowsWeekdaySpecials {
            // "L" alone in the day-of-week field is the last day of the week.
            field.values.insert(spec.range.upperBound)
            return true
        }
        if upper.hasPrefix("L"), spec.allowsLastDay || spec.allowsWeekdaySpecials {
            throw fail(
                "'\(String(item))' is not a documented form; use 'L' alone"
                    + (spec.allowsLastDay ? " or 'nW'" : " or 'nL' such as 6L"),
                at: 0
            )
        }
        return false
    }

    /// `nW`, `nL` and `n#k` after a single value, or the end of the item.
    private mutating func parseSuffix(
        after value: Value,
        into field: inout CronParser.ParsedField
    ) throws(ScheduleError) {
        switch peek?.uppercased() {
        case nil:
            field.values.insert(value.value)
        case "W" where spec.allowsNearestWeekday:
            index += 1
            field.nearestWeekdays.insert(value.value)
        case "L" where spec.allowsWeekdaySpecials:
            index += 1
            field.lastInMonth.insert(value.value)
        case "#" where spec.allowsWeekdaySpecials:
            index += 1
            let start = index
            let digits = readDigits()
            guard let nth = Int(digits), (1...5).contains(nth) else {
                throw fail("'#' takes a week of the month from 1 to 5", at: start)
            }
            field.nthInMonth.insert(value.value * 8 + nth)
        default:
            break
        }
        try expectEnd()
    }

    // MARK: - Values and steps

    struct Value {
        var value: Int
        var text: String
        var offset: Int
    }

    /// A number or a three-letter name, checked against the field's range.
    private mutating func readValue() throws(ScheduleError) -> Value {
        let start = index
        let digits = readDigits()
        if !digits.isEmpty {
            guard let number = Int(digits), spec.range.contains(number) else {
                throw fail("\(digits) is outside \(spec.allowedText)", at: start)
            }
            return Value(value: number, text: digits, offset: start)
        }
        var letters = ""
        while letters.count < 3, let character = peek, character.isLetter, character.isASCII {
            letters.append(character)
            index += 1
        }
        guard !letters.isEmpty else {
            let found = peek.map { "'\($0)'" } ?? "the end of the item"
            throw fail("expected a value (\(spec.allowedText)), found \(found)", at: start)
        }
        guard let number = spec.names[letters.uppercased()] else {
            throw fail("'\(letters)' is not a value of this field (\(spec.allowedText))", at: start)
        }
        return Value(value: number, text: letters, offset: start)
    }

    /// `/n` if present, else 1.
    private mutating func readStep() throws(ScheduleError) -> Int {
        guard peek == "/" else { return 1 }
        guard spec.allowsStep else {
            throw fail("'/' is not allowed in the \(spec.name) field", at: index)
        }
        index += 1
        let start = index
        let digits = readDigits()
        let span = spec.range.count
        guard let step = Int(digits), (1...span).contains(step) else {
            throw fail("a step must be a whole number from 1 to \(span)", at: start)
        }
        return step
    }

    private func addRange(
        _ range: ClosedRange<Int>,
        step: Int,
        into field: inout CronParser.ParsedField
    ) {
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) {
            field.values.insert(value)
        }
    }

    private mutating func readDigits() -> String {
        var digits = ""
        while let character = peek, character.isASCII, character.isNumber, digits.count < 6 {
            digits.append(character)
            index += 1
        }
        return digits
    }

    private mutating func expectEnd() throws(ScheduleError) {
        if let character = peek {
            throw fail("unexpected '\(character)' in the \(spec.name) field", at: index)
        }
    }

    private var peek: Character? {
        index < item.count ? item[index] : nil
    }

    private func fail(_ message: String, at position: Int) -> ScheduleError {
        parser.fail(spec.name, message, at: offset + position)
    }
}
