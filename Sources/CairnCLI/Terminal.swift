// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Glibc

/// Where a command's text goes, how wide it may be and whether it may use
/// colour.
///
/// ``current`` describes the real terminal; tests build one with a fixed
/// width and a closure that records what is written.
public struct Terminal: Sendable {
    /// The two output streams: results go to standard output, diagnostics
    /// to standard error.
    public enum Stream: Sendable, Hashable {
        case standardOutput
        case standardError
    }

    /// The columns available for text; help and tables wrap or cut to it.
    public var width: Int
    /// Whether ANSI colours and styles may be written to standard output.
    public var usesColor: Bool
    /// Whether a person reads standard output; when it goes to a pipe or a
    /// file, tables keep every character so that scripts see whole values.
    public var isInteractive: Bool
    private let writer: @Sendable (Stream, String) -> Void

    /// Creates a terminal that hands all text to `write`.
    public init(
        width: Int = 80,
        usesColor: Bool = false,
        isInteractive: Bool = true,
        write: @escaping @Sendable (Stream, String) -> Void
    ) {
        self.width = width
        self.usesColor = usesColor
        self.isInteractive = isInteractive
        self.writer = write
    }

    /// The process's own terminal, as its environment describes it.
    public static var current: Terminal {
        detect(environment: ProcessInfo.processInfo.environment)
    }

    /// Describes the process's terminal using the given environment.
    ///
    /// The width is `COLUMNS` when that is a positive number, else what the
    /// `TIOCGWINSZ` ioctl reports for standard output, else 80. Colour is
    /// used only when standard output is a TTY, `NO_COLOR` is unset or
    /// empty (https://no-color.org) and `TERM` is not `dumb`.
    public static func detect(environment: [String: String]) -> Terminal {
        var width = 80
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            width = columns
        } else {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                width = Int(size.ws_col)
            }
        }
        let isInteractive = isatty(STDOUT_FILENO) == 1
        let usesColor =
            isInteractive
            && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
        return Terminal(
            width: width,
            usesColor: usesColor,
            isInteractive: isInteractive,
            write: writeToDescriptor
        )
    }

    /// Writes the text as is; add the newline yourself.
    public func write(_ text: String, to stream: Stream = .standardOutput) {
        writer(stream, text)
    }

    /// The text wrapped in the style's ANSI escape codes, or unchanged when
    /// colour is off.
    public func styled(_ text: String, _ style: Style) -> String {
        usesColor ? "\u{1B}[\(style.code)m\(text)\u{1B}[0m" : text
    }

    /// Writes straight to file descriptor 1 or 2 with `write(2)`: no buffer
    /// to flush before exit, and no shared `FILE *` between threads.
    private static func writeToDescriptor(_ stream: Stream, _ text: String) {
        let descriptor = stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
