// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// A failure of a cryptographic operation or of reading what it digests.
public struct CairnCryptoError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case digestFailed
            case fileUnreadable
        }

        private let kind: Kind

        /// An OpenSSL call returned failure; `function` names it.
        public static let digestFailed = Code(kind: .digestFailed)
        /// The file to digest could not be opened or read.
        public static let fileUnreadable = Code(kind: .fileUnreadable)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String
    /// The C function that failed, such as `EVP_DigestInit_ex`, when one did.
    public var function: String?

    public init(code: Code, message: String, function: String? = nil) {
        self.code = code
        self.message = message
        self.function = function
    }

    /// `code: message (function)`.
    public var description: String {
        "\(code): \(message)" + (function.map { " (\($0))" } ?? "")
    }
}
