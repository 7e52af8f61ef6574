// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import CairnCore
import CairnDefinition
import Foundation
import Testing

/// Reads the definition fixtures bundled with the tests.
enum WorkflowFixtures {
    /// The full path of `Fixtures/<name>`.
    static func path(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name).path
    }

    /// Loads a fixture that must be valid.
    static func load(_ name: String) throws -> Workflow {
        try WorkflowLoader.load(path: path(name))
    }

    /// The problems a fixture has, each as `line:column: message`.
    static func problems(_ name: String) throws -> [String] {
        do {
            _ = try load(name)
            return []
        } catch let error as CairnDefinitionError {
            #expect(error.code == .invalidDefinition)
            return error.problems.map { problem in
                let location = problem.location.map { "\($0.line):\($0.column): " } ?? ""
                return location + problem.message
            }
        }
    }
}
