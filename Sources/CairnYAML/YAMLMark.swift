// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore

/// A 1-based line and column in the YAML text, without the file name, which
/// every mark of one read shares.
struct YAMLMark: Sendable, Hashable {
    var line: Int
    var column: Int

    static let start = YAMLMark(line: 1, column: 1)

    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
