// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCrypto
import Foundation
import Testing

/// The streaming file digest the model registry uses.
@Suite struct FileDigestTests {
    @Test func hashesAFileLargerThanOneChunk() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.bin")
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: file)

        #expect(try sha256Hex(ofFileAt: file.path) == hexDigest(of: bytes, using: .sha256))
        #expect(
            try hexDigest(of: Array("input data".utf8), using: .sha256)
                == "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"
        )
    }

    @Test func reportsAFileThatCannotBeRead() {
        #expect {
            try sha256Hex(ofFileAt: "/nonexistent/cairn/model.bin")
        } throws: { error in
            (error as? CairnCryptoError)?.code == .fileUnreadable
        }
    }
}
