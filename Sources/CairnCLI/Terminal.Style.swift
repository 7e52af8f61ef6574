// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Terminal {
    /// A text attribute written with an ANSI SGR escape code.
    public enum Style: Sendable, Hashable {
        case bold, dim, red, green, yellow, blue

        var code: String {
            switch self {
            case .bold: "1"
            case .dim: "2"
            case .red: "31"
            case .green: "32"
            case .yellow: "33"
            case .blue: "34"
            }
        }
    }
}
