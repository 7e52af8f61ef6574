// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The built `cairn` executable, run the way a user runs it.
///
/// End-to-end tests find the binary next to the test bundle (both sit in the
/// build's products folder, whatever the scratch path), or in
/// `.build/debug` of the package, or wherever `CAIRN_BINARY` points.
///
/// ```swift
/// let cairn = try CairnBinary.locate()
/// let result = try await cairn.run(["validate", "pipeline.yaml"], in: folder.path("."))
/// #expect(result.status == 0)
/// ```
public struct CairnBinary: Sendable {
    /// The executable's path.
    public let path: String

    /// Uses the executable at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Finds the built `cairn` executable.
    ///
    /// The places tried, in order: `$CAIRN_BINARY`; the folder of the
    /// running test executable and of every loaded bundle; `.build/debug`
    /// under the package root found by walking up from `filePath`.
    ///
    /// - Parameter filePath: A source file inside the package.
    /// - Returns: The first executable found.
    /// - Throws: `CairnBinary.NotFound` listing the places tried.
    public static func locate(filePath: String = #filePath) throws -> CairnBinary {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["CAIRN_BINARY"], !override.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: override) else {
                throw NotFound(triedPaths: [override])
            }
            return CairnBinary(path: override)
        }
        let candidates = productFolders().map { $0.appendingPathComponent("cairn").path }
            + packageBuildCandidates(filePath: filePath)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return CairnBinary(path: candidate)
        }
        throw NotFound(triedPaths: candidates)
    }

    /// The folders holding the test executable and the loaded bundles.
    private static func productFolders() -> [URL] {
        var executables: [URL] = []
        if let main = Bundle.main.executableURL { executables.append(main) }
        if let first = CommandLine.arguments.first, first.contains("/") {
            executables.append(URL(fileURLWithPath: first))
        }
        var folders = executables.map {
            $0.resolvingSymlinksInPath().deletingLastPathComponent()
        }
        // On macOS the tests live in `Foo.xctest/Contents/MacOS`; the products beside the bundle.
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return folders
    }

    private static func packageBuildCandidates(filePath: String) -> [String] {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let manifest = folder.appendingPathComponent("Package.swift").path
            if FileManager.default.fileExists(atPath: manifest) {
                return [folder.appendingPathComponent(".build/debug/cairn").path]
            }
            folder.deleteLastPathComponent()
        }
        return []
    }

    /// The binary could not be found.
    public struct NotFound: Error, CustomStringConvertible {
        /// Every path that was looked at.
        public var triedPaths: [String]

        public var description: String {
            "no executable 'cairn' found (set CAIRN_BINARY); tried: "
                + triedPaths.joined(separator: ", ")
        }
    }
}
