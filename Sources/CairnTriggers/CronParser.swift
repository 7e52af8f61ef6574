// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Reads cron expressions in both dialects into `CronExpression`, with errors
/// that name the field and the character offset at fault.
struct CronParser {
    /// A run of non-blank characters and where it starts in the text.
    struct Word {
        var text: String
        var offset: Int
    }

    let text: String
    let characters: [Character]
    /// The offset of the expression's first non-blank character.
    let start: Int

    init(text: String, start: Int) {
        self.text = text
        self.characters = Array(text)
        self.start = start
    }

    // MARK: - Dialects

    /// Reads `cron(minutes hours day-of-month month day-of-week year)`.
    func parseEventBridge() throws(ScheduleError) -> CronExpression {
        guard let open = characters[start...].firstIndex(of: "("),
            let close = characters.lastIndex(of: ")"), close > open
        else {
            throw fail(nil, "expected cron(...) with a closing ')'", at: start)
        }
        if let extra = characters[(close + 1)...].firstIndex(where: { !$0.isWhitespace }) {
            throw fail(nil, "unexpected text after ')'", at: extra)
        }
        let words = Self.words(in: characters, from: open + 1, to: close)
        let specs = CronParser.FieldSpec.eventBridge
        guard words.count == specs.count else {
            let names = specs.map(\.name).joined(separator: " ")
            throw fail(
                nil,
                "cron(...) takes 6 fields (\(names)), found \(words.count)",
                at: words.count > specs.count ? words[specs.count].offset : open + 1
            )
        }
        var expression = CronExpression(dialect: .eventBridge, text: Self.trimmed(text))
        let fields = try zip(specs, words).map { spec, word throws(ScheduleError) in
            try parseField(word, spec: spec)
        }
        try checkEventBridgeDays(fields[2], fields[4], words: words)
        apply(fields, to: &expression)
        expression.years = fields[5].values
        return expression
    }

    /// Reads classic five-field cron, or one of crontab(5)'s `@` macros.
    func parseClassic() throws(ScheduleError) -> CronExpression {
        let words = Self.words(in: characters, from: start, to: characters.count)
        if let first = words.first, first.text.hasPrefix("@") {
            return try parseMacro(first, extra: words.dropFirst().first)
        }
        let specs = CronParser.FieldSpec.classic
        guard words.count == specs.count else {
            let names = specs.map(\.name).joined(separator: " ")
            let hint =
                words.count == 6
                ? "; an EventBridge expression goes inside cron(...)" : ""
            throw fail(
                nil,
                "classic cron takes 5 fields (\(names)), found \(words.count)\(hint)",
                at: words.count > specs.count ? words[specs.count].offset : start
            )
        }
        var expression = CronExpression(dialect: .classic, text: Self.trimmed(text))
        let fields = try zip(specs, words).map { spec, word throws(ScheduleError) in
            try parseField(word, spec: spec)
        }
        apply(fields, to: &expression)
        return expression
    }

    /// The crontab(5) macros that stand for a time: `@yearly` and friends.
    /// `@reboot` is not a time and is refused.
    static let macros = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
        "@hourly": "0 * * * *",
    ]

    private func parseMacro(_ word: Word, extra: Word?) throws(ScheduleError) -> CronExpression {
        if let extra {
            throw fail(nil, "unexpected text after \(word.text)", at: extra.offset)
        }
        guard let fields = Self.macros[word.text] else {
            let names = Self.macros.keys.sorted().joined(separator: ", ")
            let reason = word.text == "@reboot" ? "@reboot is not a time of day; " : ""
            throw fail(nil, "\(reason)'\(word.text)' is not one of \(names)", at: word.offset)
        }
        var expression = try CronParser(text: fields, start: 0).parseClassic()
        expression.text = word.text
        return expression
    }

    // MARK: - Fields

    /// What one field allowed, in the field's own numbering.
    struct ParsedField {
        var values: Set<Int> = []
        var isStar = false
        var isUnspecified = false
        var includesLastDay = false
        var nearestWeekdays: Set<Int> = []
        var lastInMonth: Set<Int> = []
        var nthInMonth: Set<Int> = []
    }

    private func parseField(_ word: Word, spec: FieldSpec) throws(ScheduleError) -> ParsedField {
        var field = ParsedField()
        field.isStar = word.text == "*"
        if word.text == "?" {
            guard spec.allowsUnspecified else {
                throw fail(
                    spec.name,
                    "'?' is not allowed in the \(spec.name) field",
                    at: word.offset
                )
            }
            field.isUnspecified = true
            return field
        }
        var offset = word.offset
        for item in word.text.split(separator: ",", omittingEmptySubsequences: false) {
            var itemParser = CronItemParser(
                parser: self,
                spec: spec,
                item: String(item),
                offset: offset
            )
            try itemParser.parse(into: &field)
            offset += item.count + 1
        }
        return field
    }

    private func checkEventBridgeDays(
        _ dayOfMonth: ParsedField,
        _ dayOfWeek: ParsedField,
        words: [Word]
    ) throws(ScheduleError) {
        switch (dayOfMonth.isUnspecified, dayOfWeek.isUnspecified) {
        case (true, true):
            throw fail(
                "day-of-week",
                "day-of-month and day-of-week cannot both be '?'",
                at: words[4].offset
            )
        case (false, false):
            throw fail(
                "day-of-week",
                "one of day-of-month and day-of-week must be '?'; "
                    + "EventBridge does not combine them",
                at: words[4].offset
            )
        default:
            return
        }
    }

    private func apply(_ fields: [ParsedField], to expression: inout CronExpression) {
        for minute in fields[0].values { expression.minutes |= 1 << UInt64(minute) }
        for hour in fields[1].values { expression.hours |= 1 << UInt32(hour) }
        for month in fields[3].values { expression.months |= 1 << UInt16(month) }

        let dayOfMonth = fields[2]
        expression.daysOfMonth.isUnspecified = dayOfMonth.isUnspecified
        expression.daysOfMonth.isStar = dayOfMonth.isStar
        for day in dayOfMonth.values { expression.daysOfMonth.days |= 1 << UInt32(day) }
        expression.daysOfMonth.includesLastDay = dayOfMonth.includesLastDay
        expression.daysOfMonth.nearestWeekdays = dayOfMonth.nearestWeekdays

        // Both dialects' weekdays become 0 = Sunday ... 6 = Saturday.
        let dayOfWeek = fields[4]
        let normalize: (Int) -> Int =
            expression.dialect == .eventBridge ? { $0 - 1 } : { $0 % 7 }
        expression.daysOfWeek.isUnspecified = dayOfWeek.isUnspecified
        expression.daysOfWeek.isStar = dayOfWeek.isStar
        for weekday in dayOfWeek.values {
            expression.daysOfWeek.weekdays |= 1 << UInt8(normalize(weekday))
        }
        for weekday in dayOfWeek.lastInMonth {
            expression.daysOfWeek.lastInMonth |= 1 << UInt8(normalize(weekday))
        }
        expression.daysOfWeek.nthInMonth = Set(
            dayOfWeek.nthInMonth.map { normalize($0 / 8) * 8 + $0 % 8 }
        )
    }

    // MARK: - Helpers

    func fail(_ field: String?, _ message: String, at offset: Int) -> ScheduleError {
        ScheduleError(
            code: .invalidExpression,
            message: message,
            field: field,
            expression: text,
            offset: offset
        )
    }

    /// The blank-separated words of `characters[from..<to]`.
    static func words(in characters: [Character], from: Int, to: Int) -> [Word] {
        var words: [Word] = []
        var index = from
        while index < to {
            if characters[index].isWhitespace {
                index += 1
                continue
            }
            let begin = index
            while index < to, !characters[index].isWhitespace { index += 1 }
            words.append(Word(text: String(characters[begin..<index]), offset: begin))
        }
        return words
    }

    /// `text` without white space at either end.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
