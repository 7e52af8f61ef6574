// swift-tools-version: 6.2
// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

import PackageDescription

let package = Package(
    name: "Cairn",
    products: [
        .executable(name: "cairn", targets: ["cairn"]),
    ],
    targets: [
        // MARK: - C shims

        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: - Safe wrappers and values

        .target(name: "CairnCore", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CairnSQLite", dependencies: ["CSQLite", "CairnCore"]),
        .target(name: "CairnYAML", dependencies: ["CYAML", "CairnCore"]),
        .target(name: "CairnCrypto", dependencies: ["CCrypto"]),

        // MARK: - Language

        .target(name: "CairnDefinition", dependencies: ["CairnCore", "CairnYAML", "CairnJSONata"]),
        .target(
            name: "CairnDataFlow",
            dependencies: ["CairnCore", "CairnDefinition", "CairnCrypto"]
        ),
        .target(name: "CairnJSONata", dependencies: ["CairnCore"]),
        .target(
            name: "CairnInterpreter",
            dependencies: ["CairnCore", "CairnDefinition", "CairnDataFlow", "CairnJSONata"]
        ),

        // MARK: - Engine

        .target(name: "CairnStorage", dependencies: ["CairnCore", "CairnSQLite"]),
        .target(
            name: "CairnRuntime",
            dependencies: [
                "CairnCore", "CairnDefinition", "CairnInterpreter",
                "CairnStorage", "CairnCrypto",
            ]
        ),
        .target(
            name: "CairnTasks",
            dependencies: [
                "CairnCore", "CairnDefinition", "CairnInterpreter", "CairnRuntime",
                "CairnDataFlow",
            ]
        ),
        .target(
            name: "CairnRegistry",
            dependencies: [
                "CairnCore", "CairnCrypto", "CairnDefinition", "CairnInterpreter", "CairnStorage",
                "CairnRuntime",
            ]
        ),

        .target(
            name: "CairnTriggers",
            dependencies: [
                "CairnCore", "CairnCrypto", "CairnDefinition", "CairnDataFlow", "CairnInterpreter",
                "CairnStorage", "CairnRuntime",
            ],
            linkerSettings: [.linkedLibrary("m")]
        ),

        // MARK: - Front ends

        .target(
            name: "CairnCLI",
            dependencies: [
                "CairnCore", "CairnDefinition", "CairnInterpreter",
                "CairnStorage", "CairnRuntime", "CairnTasks", "CairnRegistry", "CairnTriggers",
            ]
        ),
        .executableTarget(name: "cairn", dependencies: ["CairnCLI"]),
        .executableTarget(
            name: "CairnBenchmarks",
            dependencies: [
                "CairnCore", "CairnDefinition", "CairnInterpreter", "CairnStorage", "CairnSQLite",
                "CairnRuntime", "CairnTasks", "CairnCLI",
            ]
        ),

        // MARK: - Tests

        .target(
            name: "CairnTestSupport",
            dependencies: ["CairnCore", "CairnStorage"],
            path: "Sources/CairnTestSupport"
        ),
        .testTarget(name: "CairnCoreTests", dependencies: ["CairnCore"]),
        .testTarget(name: "CairnYAMLTests", dependencies: ["CairnYAML", "CairnCore"]),
        .testTarget(
            name: "CairnDefinitionTests",
            dependencies: ["CairnDefinition", "CairnCore", "CairnTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CairnDataFlowTests",
            dependencies: ["CairnDataFlow", "CairnDefinition", "CairnCore", "CairnCrypto"]
        ),
        .testTarget(name: "CairnJSONataTests", dependencies: ["CairnJSONata", "CairnCore"]),
        .testTarget(
            name: "CairnInterpreterTests",
            dependencies: ["CairnInterpreter", "CairnDefinition", "CairnCore", "CairnTestSupport"]
        ),
        .testTarget(
            name: "CairnStorageTests",
            dependencies: ["CairnStorage", "CairnSQLite", "CairnCore", "CairnTestSupport"]
        ),
        .testTarget(
            name: "CairnRuntimeTests",
            dependencies: [
                "CairnRuntime", "CairnStorage", "CairnDefinition", "CairnInterpreter", "CairnCore",
                "CairnTestSupport",
            ]
        ),
        .testTarget(
            name: "CairnTasksTests",
            dependencies: [
                "CairnTasks", "CairnRegistry", "CairnRuntime", "CairnStorage", "CairnCore",
                "CairnTestSupport",
            ]
        ),
        .testTarget(
            name: "CairnTriggersTests",
            dependencies: [
                "CairnTriggers", "CairnCore", "CairnTestSupport", "CairnStorage", "CairnRuntime",
                "CairnDefinition",
            ]
        ),
        .testTarget(
            name: "CairnEndToEndTests",
            dependencies: ["CairnCore", "CairnCLI", "CairnTestSupport", "cairn"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
