// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension Table {
    /// One column: its header, alignment and how it may be shortened.
    public struct Column: Sendable {
        /// Which side of the column cells keep to.
        public enum Alignment: Sendable, Hashable {
            case left
            case right
        }

        /// The header text, usually upper case: `STATUS`.
        public var title: String
        public var alignment: Alignment
        /// Whether cells may be cut to make the table fit; keep ids and
        /// statuses whole, cut names and messages.
        public var isTruncatable: Bool
        /// The style for a cell's text, chosen from the text; `nil` for none.
        public var style: (@Sendable (String) -> Terminal.Style?)?

        public init(
            _ title: String,
            alignment: Alignment = .left,
            isTruncatable: Bool = true,
            style: (@Sendable (String) -> Terminal.Style?)? = nil
        ) {
            self.title = title
            self.alignment = alignment
            self.isTruncatable = isTruncatable
            self.style = style
        }
    }
}
