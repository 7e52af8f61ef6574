// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// How much work one read may do, so that a hostile file fails fast instead of
/// exhausting memory or the stack.
struct YAMLLimits: Sendable {
    /// Values built, counting every copy an alias or merge key makes.
    var maximumValues: Int
    /// Levels of nesting, in the text and after aliases expand.
    var maximumDepth: Int

    /// Far above any real workflow; the depth matches the JSON parser's.
    static let standard = YAMLLimits(maximumValues: 1_000_000, maximumDepth: 512)
}
