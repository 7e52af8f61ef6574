// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CCrypto
import Foundation

/// An incremental message digest: feed it bytes, then read the digest once.
///
/// Wraps an `EVP_MD_CTX` (https://docs.openssl.org/3.0/man3/EVP_DigestInit/),
/// which this object owns and frees.
///
/// ```swift
/// let digester = try Digester(algorithm: .sha256)
/// try digester.update(Array("input data".utf8))
/// let hex = try digester.finalizeHex()
/// ```
public final class Digester {
    private let context: OpaquePointer
    private var isFinalized = false

    /// Starts a digest.
    ///
    /// - Throws: `CairnCryptoError` with code `digestFailed` when OpenSSL
    ///   cannot allocate or initialise the context.
    public init(algorithm: DigestAlgorithm) throws(CairnCryptoError) {
        guard let context = EVP_MD_CTX_new() else {
            throw CairnCryptoError(
                code: .digestFailed,
                message: "cannot allocate a digest context",
                function: "EVP_MD_CTX_new"
            )
        }
        self.context = context
        guard EVP_DigestInit_ex(context, algorithm.method, nil) == 1 else {
            throw CairnCryptoError(
                code: .digestFailed,
                message: "cannot start a \(algorithm) digest",
                function: "EVP_DigestInit_ex"
            )
        }
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds bytes to the digest.
    ///
    /// - Throws: `CairnCryptoError` with code `digestFailed` when OpenSSL
    ///   fails or the digest was already read.
    public func update(_ bytes: [UInt8]) throws(CairnCryptoError) {
        let failure = bytes.withUnsafeBytes { buffer in
            Result { () throws(CairnCryptoError) in try update(buffer) }
        }
        try failure.get()
    }

    /// Adds the bytes in `buffer` to the digest.
    ///
    /// - Throws: `CairnCryptoError` with code `digestFailed` when OpenSSL
    ///   fails or the digest was already read.
    public func update(_ buffer: UnsafeRawBufferPointer) throws(CairnCryptoError) {
        let succeeded =
            !isFinalized && EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1
        guard succeeded else {
            throw CairnCryptoError(
                code: .digestFailed,
                message: "cannot add bytes to the digest",
                function: "EVP_DigestUpdate"
            )
        }
    }

    /// Ends the digest and returns it as bytes.
    ///
    /// - Throws: `CairnCryptoError` with code `digestFailed` when OpenSSL
    ///   fails or the digest was already read.
    public func finalize() throws(CairnCryptoError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded =
            !isFinalized
            && digest.withUnsafeMutableBufferPointer { buffer in
                EVP_DigestFinal_ex(self.context, buffer.baseAddress, &length) == 1
            }
        guard succeeded else {
            throw CairnCryptoError(
                code: .digestFailed,
                message: "cannot finish the digest",
                function: "EVP_DigestFinal_ex"
            )
        }
        isFinalized = true
        return Array(digest.prefix(Int(length)))
    }

    /// Ends the digest and returns it as lower-case hexadecimal.
    ///
    /// - Throws: `CairnCryptoError` as `finalize()` does.
    public func finalizeHex() throws(CairnCryptoError) -> String {
        Digester.hex(try finalize())
    }

    /// Lower-case hexadecimal of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

// MARK: - One-shot digests

/// The digest of `bytes` as lower-case hexadecimal.
///
/// - Throws: `CairnCryptoError` with code `digestFailed` when OpenSSL fails.
public func hexDigest(
    of bytes: [UInt8],
    using algorithm: DigestAlgorithm
) throws(CairnCryptoError) -> String {
    let digester = try Digester(algorithm: algorithm)
    try digester.update(bytes)
    return try digester.finalizeHex()
}

/// The SHA-256 of a file's contents as lower-case hexadecimal, read in
/// chunks so that large model files never sit in memory whole.
///
/// - Throws: `CairnCryptoError` with code `fileUnreadable` when the file
///   cannot be opened or read, `digestFailed` when OpenSSL fails.
public func sha256Hex(ofFileAt path: String) throws(CairnCryptoError) -> String {
    let handle: FileHandle
    do {
        handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    } catch {
        throw CairnCryptoError(
            code: .fileUnreadable,
            message: "cannot open '\(path)': \(error.localizedDescription)"
        )
    }
    defer { try? handle.close() }
    let digester = try Digester(algorithm: .sha256)
    while true {
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: 1 << 20)
        } catch {
            throw CairnCryptoError(
                code: .fileUnreadable,
                message: "cannot read '\(path)': \(error.localizedDescription)"
            )
        }
        guard let chunk, !chunk.isEmpty else { break }
        let outcome = chunk.withUnsafeBytes { buffer in
            Result { () throws(CairnCryptoError) in try digester.update(buffer) }
        }
        try outcome.get()
    }
    return try digester.finalizeHex()
}
