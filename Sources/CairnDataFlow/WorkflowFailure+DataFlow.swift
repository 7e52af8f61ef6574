// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnDefinition

extension WorkflowFailure {
    /// The failure with AWS's state prefix in front of its cause:
    /// "An error occurred while executing the state 'X' (entered at the
    /// event id #N). ".
    ///
    /// Every failure CairnDataFlow throws carries only the detail, because
    /// the data-flow functions do not know which state runs them; the
    /// interpreter calls this before it records the failure.
    public func locatedInState(_ stateName: String, enteredEventID: Int) -> WorkflowFailure {
        let prefix =
            "An error occurred while executing the state '\(stateName)' "
            + "(entered at the event id #\(enteredEventID))."
        let detail = cause.map { " " + $0 } ?? ""
        return WorkflowFailure(error: error, cause: prefix + detail)
    }

    /// `States.Runtime` with `detail` as its cause.
    static func runtime(_ detail: String) -> WorkflowFailure {
        WorkflowFailure(error: Name.runtime, cause: detail)
    }

    /// `States.IntrinsicFailure` with `detail` as its cause.
    static func intrinsic(_ detail: String) -> WorkflowFailure {
        WorkflowFailure(error: Name.intrinsicFailure, cause: detail)
    }
}
