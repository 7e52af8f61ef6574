// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// The tags Cairn understands: the YAML 1.2 core schema's standard tags, the
/// merge tag, and the non-specific `!`.
enum YAMLTag: Sendable, Equatable {
    case string
    case integer
    case float
    case boolean
    case null
    case mapping
    case sequence
    case merge
    /// `!`, which makes a scalar a string without resolving it.
    case nonSpecific

    private static let standardPrefix = "tag:yaml.org,2002:"

    /// The tag libyaml resolved, or `nil` when Cairn does not know it.
    init?(_ tag: String) {
        switch tag {
        case "!": self = .nonSpecific
        case YAMLTag.standardPrefix + "str": self = .string
        case YAMLTag.standardPrefix + "int": self = .integer
        case YAMLTag.standardPrefix + "float": self = .float
        case YAMLTag.standardPrefix + "bool": self = .boolean
        case YAMLTag.standardPrefix + "null": self = .null
        case YAMLTag.standardPrefix + "map": self = .mapping
        case YAMLTag.standardPrefix + "seq": self = .sequence
        case YAMLTag.standardPrefix + "merge": self = .merge
        default: return nil
        }
    }

    /// How a user writes this tag.
    var name: String {
        switch self {
        case .string: "!!str"
        case .integer: "!!int"
        case .float: "!!float"
        case .boolean: "!!bool"
        case .null: "!!null"
        case .mapping: "!!map"
        case .sequence: "!!seq"
        case .merge: "!!merge"
        case .nonSpecific: "!"
        }
    }

    /// How a user writes `tag`: `!!str` rather than `tag:yaml.org,2002:str`.
    static func displayName(of tag: String) -> String {
        if tag.hasPrefix(standardPrefix) { "!!" + tag.dropFirst(standardPrefix.count) } else { tag }
    }
}
