// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CCrypto

/// A message digest algorithm that OpenSSL's EVP interface provides.
///
/// The names are the ones `States.Hash` accepts: `MD5`, `SHA-1`, `SHA-256`,
/// `SHA-384` and `SHA-512`.
public struct DigestAlgorithm: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    private enum Kind: String, Sendable, CaseIterable {
        case md5 = "MD5"
        case sha1 = "SHA-1"
        case sha256 = "SHA-256"
        case sha384 = "SHA-384"
        case sha512 = "SHA-512"
    }

    private let kind: Kind

    public static let md5 = DigestAlgorithm(kind: .md5)
    public static let sha1 = DigestAlgorithm(kind: .sha1)
    public static let sha256 = DigestAlgorithm(kind: .sha256)
    public static let sha384 = DigestAlgorithm(kind: .sha384)
    public static let sha512 = DigestAlgorithm(kind: .sha512)

    public static var allCases: [DigestAlgorithm] {
        Kind.allCases.map { DigestAlgorithm(kind: $0) }
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    /// The algorithm named exactly as `States.Hash` spells it, or `nil`.
    public init?(name: String) {
        guard let kind = Kind(rawValue: name) else { return nil }
        self.kind = kind
    }

    /// The name as `States.Hash` spells it, `SHA-256`.
    public var name: String { kind.rawValue }

    public var description: String { name }

    /// The EVP method: `EVP_md5()`, `EVP_sha1()`, `EVP_sha256()`,
    /// `EVP_sha384()` or `EVP_sha512()` (https://docs.openssl.org/3.0/man3/EVP_DigestInit/).
    var method: OpaquePointer? {
        switch kind {
        case .md5: EVP_md5()
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        }
    }
}
