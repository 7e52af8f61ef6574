// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnTestSupport
import Foundation
import Testing

/// One test's own folder, where it writes workflows and scripts and runs the
/// built `cairn` binary as a user would.
struct Workspace {
    /// The package's root folder, found from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    private let folder: TemporaryDirectory
    let binary: CairnBinary

    /// The folder's path with symbolic links resolved, as `getcwd` reports it.
    let root: String

    init() throws {
        self.folder = try TemporaryDirectory(prefix: "cairn-e2e")
        self.binary = try CairnBinary.locate()
        self.root = self.folder.url.resolvingSymlinksInPath().path
    }

    /// The absolute path of `name` inside the workspace.
    func path(_ name: String) -> String {
        name == "." ? root : root + "/" + name
    }

    /// Writes a text file, creating the folders on its path.
    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: url)
    }

    /// Creates an empty folder (and its parents).
    func makeFolder(_ name: String) throws {
        try FileManager.default.createDirectory(
            atPath: path(name),
            withIntermediateDirectories: true
        )
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// Every file and folder under `name`, as sorted relative paths.
    func listing(_ name: String = ".") throws -> [String] {
        let base = path(name)
        let entries = FileManager.default.enumerator(atPath: base)?.allObjects ?? []
        return entries.compactMap { $0 as? String }.sorted()
    }

    /// Copies the package's `Workflows` folder (pipelines, data, task scripts)
    /// into the workspace, without the runs left in the checkout.
    func copyWorkflows() throws {
        let source = Workspace.packageRoot.appendingPathComponent("Workflows")
        let target = URL(fileURLWithPath: path("Workflows"))
        try FileManager.default.copyItem(at: source, to: target)
        let runs = target.appendingPathComponent("runs")
        try? FileManager.default.removeItem(at: runs)
    }

    /// Runs `cairn` with the arguments in a folder of the workspace.
    func cairn(
        _ arguments: String...,
        in directory: String = ".",
        environment: [String: String] = [:],
        standardInput: String = ""
    ) async throws -> RecordedProcess {
        try await cairn(
            arguments,
            in: directory,
            environment: environment,
            standardInput: standardInput
        )
    }

    /// Runs `cairn` with the arguments in a folder of the workspace.
    func cairn(
        _ arguments: [String],
        in directory: String = ".",
        environment: [String: String] = [:],
        standardInput: String = ""
    ) async throws -> RecordedProcess {
        try await binary.run(
            arguments,
            in: path(directory),
            environment: environment,
            standardInput: standardInput,
            timeout: .seconds(60)
        )
    }

    /// Runs a Python 3 program given as source text in the workspace.
    func python(_ source: String, _ arguments: String...) async throws -> RecordedProcess {
        try await RecordedProcess.run(
            executable: "/usr/bin/env",
            arguments: ["python3", "-c", source] + arguments,
            in: root,
            timeout: .seconds(30)
        )
    }
}

extension RecordedProcess {
    /// Standard output parsed as one JSON document.
    func outputJSON(
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> JSONValue {
        do {
            return try JSONValue(parsing: standardOutput, file: "stdout")
        } catch {
            let stderr = standardError
            Issue.record(
                "stdout is not one JSON value: \(error)\n\(standardOutput)\nstderr: \(stderr)",
                sourceLocation: sourceLocation
            )
            throw error
        }
    }
}
