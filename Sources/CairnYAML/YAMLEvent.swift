// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// One libyaml parsing event, copied out of the C `yaml_event_t` so that no
/// pointer outlives the call that produced it.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    /// Where the event's text begins, including any anchor or tag.
    var start: YAMLMark
}

/// A scalar as written: its text, how it was quoted and its explicit tag.
struct YAMLScalar: Sendable {
    var text: String
    var anchor: String?
    /// The resolved tag, such as `tag:yaml.org,2002:str`, or `!` for a
    /// non-specific tag; `nil` when none was written.
    var tag: String?
    /// Whether the scalar was written plain (not quoted, not a block scalar);
    /// only plain scalars resolve to null, booleans and numbers by themselves.
    var isPlain: Bool
    var start: YAMLMark
}
