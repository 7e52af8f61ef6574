// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// How a file-drop trigger decides that a file is complete and may fire.
///
/// A trigger accepts one or more rules; a file fires by the first that holds.
public enum FileDropCompletionRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The file was renamed or moved into the directory (`IN_MOVED_TO`), which
    /// writers do once the file is whole. Files that were already there when
    /// watching began, or that polling found, cannot show a rename, so they
    /// count as complete once they settle.
    case rename
    /// The file was closed after writing (or found by a scan) and then stayed
    /// unchanged, in size and modification time, for the settle period.
    case settle
    /// A companion file named after it plus the marker suffix appeared, such as
    /// `sales.csv.done` for `sales.csv`.
    case marker
}
