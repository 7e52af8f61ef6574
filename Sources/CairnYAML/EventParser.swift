// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CYAML
import CairnCore

/// Pulls parsing events out of one YAML text with libyaml's
/// [`yaml_parser_parse`](https://pyyaml.org/wiki/LibYAML).
///
/// Owns the `yaml_parser_t` and a copy of the input bytes, which libyaml reads
/// in place; both are freed in `deinit`.
final class EventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let text: String
    private let file: String

    /// Sets up a parser over `text` (`yaml_parser_initialize`,
    /// `yaml_parser_set_input_string`).
    ///
    /// - Throws: `CairnYAMLError` with code `outOfMemory` when libyaml cannot
    ///   allocate its buffers.
    init(text: String, file: String) throws(CairnYAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw CairnYAMLError(
                code: .outOfMemory,
                message: "libyaml could not allocate its parser",
                location: YAMLMark.start.location(in: file)
            )
        }
        let bytes = Array(text.utf8)
        // One spare byte keeps the pointer valid for an empty text.
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + 1)
        _ = input.initialize(from: bytes + [0])
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        self.parser = parser
        self.input = input
        self.text = text
        self.file = file
    }

    deinit {
        yaml_parser_delete(self.parser)
        self.parser.deallocate()
        self.input.deallocate()
    }

    /// The next event of the stream.
    ///
    /// - Throws: `CairnYAMLError` carrying libyaml's problem when the text is
    ///   malformed.
    func nextEvent() throws(CairnYAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(self.parser, &event) == 1 else { throw makeError() }
        defer { yaml_event_delete(&event) }
        return YAMLEvent(copying: event)
    }

    // MARK: - Errors

    private func makeError() -> CairnYAMLError {
        let state = self.parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = state.context.map { String(cString: $0) }
        switch state.error {
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset instead of a mark.
            let mark = self.mark(atByteOffset: state.problem_offset)
            return makeError(
                code: .invalidEncoding,
                errorName: "YAML_READER_ERROR",
                message: problem,
                problem: problem,
                problemMark: mark
            )
        case YAML_MEMORY_ERROR:
            let mark = YAMLMark(libyaml: state.mark)
            let message = "libyaml ran out of memory"
            return makeError(
                code: .outOfMemory,
                errorName: "YAML_MEMORY_ERROR",
                message: message,
                problem: problem,
                problemMark: mark
            )
        default:
            let errorName =
                state.error == YAML_SCANNER_ERROR
                ? "YAML_SCANNER_ERROR" : "YAML_PARSER_ERROR"
            let problemMark = YAMLMark(libyaml: state.problem_mark)
            let contextMark = context.map { _ in YAMLMark(libyaml: state.context_mark) }
            return makeError(
                code: .invalidSyntax,
                errorName: errorName,
                message: syntaxMessage(
                    problem: problem,
                    context: context,
                    problemMark: problemMark,
                    contextMark: contextMark
                ),
                problem: problem,
                context: context,
                problemMark: problemMark,
                contextMark: contextMark
            )
        }
    }

    private func makeError(
        code: CairnYAMLError.Code,
        errorName: String,
        message: String,
        problem: String,
        context: String? = nil,
        problemMark: YAMLMark,
        contextMark: YAMLMark? = nil
    ) -> CairnYAMLError {
        let cause = LibYAMLProblem(
            errorName: errorName,
            problem: problem,
            context: context,
            problemLocation: problemMark.location(in: self.file),
            contextLocation: contextMark?.location(in: self.file)
        )
        return CairnYAMLError(
            code: code,
            message: message,
            location: problemMark.location(in: self.file),
            cause: cause
        )
    }

    /// libyaml's problem, with a hint when the culprit is a tab: YAML forbids
    /// tabs in indentation and libyaml's own words do not say so.
    private func syntaxMessage(
        problem: String,
        context: String?,
        problemMark: YAMLMark,
        contextMark: YAMLMark?
    ) -> String {
        var message = problem
        if let context { message += " \(context)" }
        if let contextMark, contextMark.line != problemMark.line {
            message += " that starts on line \(contextMark.line)"
        }
        if character(at: problemMark) == "\t" {
            message += "; YAML indentation must use spaces, not tabs"
        }
        return message
    }

    // MARK: - Positions

    private func character(at mark: YAMLMark) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in self.text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if scalar == "\n" {
                if line == mark.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    private func mark(atByteOffset offset: Int) -> YAMLMark {
        var line = 1
        var column = 1
        for byte in self.text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return YAMLMark(line: line, column: column)
    }
}

// MARK: - Copying C events

extension YAMLMark {
    /// Converts libyaml's 0-based `yaml_mark_t`, whose column counts characters.
    init(libyaml mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension YAMLEvent {
    init(copying event: yaml_event_t) {
        let start = YAMLMark(libyaml: event.start_mark)
        self.init(kind: YAMLEvent.kind(of: event, start: start), start: start)
    }

    private static func kind(of event: yaml_event_t, start: YAMLMark) -> Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(
                    decoding: UnsafeBufferPointer(start: $0, count: scalar.length),
                    as: UTF8.self
                )
            }
            return .scalar(
                YAMLScalar(
                    text: text ?? "",
                    anchor: string(scalar.anchor),
                    tag: string(scalar.tag),
                    isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    start: start
                )
            )
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            return .sequenceStart(anchor: string(sequence.anchor), tag: string(sequence.tag))
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            return .mappingStart(anchor: string(mapping.anchor), tag: string(mapping.tag))
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT, which a successful
            // yaml_parser_parse never returns.
            return .streamEnd
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
