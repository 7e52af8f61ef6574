// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A schedule that cannot be used: a malformed expression, an unknown time
/// zone, or a schedule trigger with a missing or wrong key.
///
/// For an expression, `field` names the part at fault (`minutes`,
/// `day-of-week`, `rate unit`, ...) and `offset` is the 0-based character
/// offset into `expression`, so a caller can draw a caret under it:
///
/// ```
/// day-of-week: 8 is outside 1-7 (SUN-SAT)
///   cron(0 9 ? * 8 *)
///                ^
/// ```
public struct ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidExpression
            case unknownTimeZone
            case invalidTrigger
        }

        private let kind: Kind

        /// A `rate(...)`, `cron(...)` or five-field cron expression breaks its
        /// dialect's rules.
        public static let invalidExpression = Code(kind: .invalidExpression)
        /// A time zone name is not an IANA time zone identifier.
        public static let unknownTimeZone = Code(kind: .unknownTimeZone)
        /// A schedule trigger in a workflow file has a missing or wrong key.
        public static let invalidTrigger = Code(kind: .invalidTrigger)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// What is wrong, without the field name: `8 is outside 1-7 (SUN-SAT)`.
    public var message: String
    /// The part at fault: an expression field such as `day-of-week`, or a
    /// trigger key such as `timezone`; `nil` when the whole text is at fault.
    public var field: String?
    /// The expression or value that was read, as written.
    public var expression: String
    /// The 0-based character offset into `expression` where the fault starts.
    public var offset: Int?

    public init(
        code: Code,
        message: String,
        field: String? = nil,
        expression: String,
        offset: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.expression = expression
        self.offset = offset
    }

    /// `field: message (at offset N)` on one line.
    public var description: String {
        let prefix = field.map { "\($0): " } ?? ""
        let suffix = offset.map { " (at offset \($0))" } ?? ""
        return prefix + message + suffix
    }

    /// The one-line description, then the expression and a caret under the
    /// fault, each indented by two spaces; only the first line when there
    /// is no offset.
    public func detailedDescription() -> String {
        let prefix = field.map { "\($0): " } ?? ""
        guard let offset else { return prefix + message }
        let caret = String(repeating: " ", count: offset) + "^"
        return "\(prefix)\(message)\n  \(expression)\n  \(caret)"
    }
}
