// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Where a registered model version stands in review.
///
/// The allowed changes are:
///
/// - `PENDING_APPROVAL` to `APPROVED` or `REJECTED`;
/// - `APPROVED` to `REJECTED`, to withdraw an approval;
/// - any status to itself, which only refreshes the reason and the update time.
///
/// A `REJECTED` version stays rejected: approving it, or sending any version back to
/// `PENDING_APPROVAL`, is refused. A rejection records that the evaluation gate or a
/// reviewer found the artifact unfit, and that judgement should not be overwritten
/// silently; fix the cause and register a new version instead.
public enum ModelVersionStatus: String, Sendable, Hashable, CaseIterable {
    /// Registered and waiting for a decision.
    case pendingApproval = "PENDING_APPROVAL"
    /// Approved for use.
    case approved = "APPROVED"
    /// Rejected; final.
    case rejected = "REJECTED"

    /// Whether a version in this status may be moved to `newStatus`.
    public func canChange(to newStatus: ModelVersionStatus) -> Bool {
        switch (self, newStatus) {
        case (let old, let new) where old == new: true
        case (.pendingApproval, .approved), (.pendingApproval, .rejected): true
        case (.approved, .rejected): true
        default: false
        }
    }
}
