// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnCore

/// What libyaml itself reported when `yaml_parser_parse` failed, kept verbatim
/// so that it can be checked against libyaml's documentation.
///
/// See the `yaml_parser_t` fields `error`, `problem` and `context` in
/// [yaml.h](https://github.com/yaml/libyaml/blob/master/include/yaml.h).
public struct LibYAMLProblem: Error, Sendable, CustomStringConvertible {
    /// The C name of the `yaml_error_type_t` value, such as `YAML_SCANNER_ERROR`.
    public var errorName: String
    /// libyaml's `problem` text, such as `found character that cannot start any token`.
    public var problem: String
    /// libyaml's `context` text, such as `while scanning a simple key`, if any.
    public var context: String?
    /// Where the problem was found (libyaml's `problem_mark`, made 1-based).
    public var problemLocation: SourceLocation
    /// Where the context starts (libyaml's `context_mark`, made 1-based), if any.
    public var contextLocation: SourceLocation?

    public init(
        errorName: String,
        problem: String,
        context: String? = nil,
        problemLocation: SourceLocation,
        contextLocation: SourceLocation? = nil
    ) {
        self.errorName = errorName
        self.problem = problem
        self.context = context
        self.problemLocation = problemLocation
        self.contextLocation = contextLocation
    }

    /// `YAML_SCANNER_ERROR: problem (context)`.
    public var description: String {
        let suffix = context.map { " (\($0))" } ?? ""
        return "\(errorName): \(problem)\(suffix)"
    }
}
