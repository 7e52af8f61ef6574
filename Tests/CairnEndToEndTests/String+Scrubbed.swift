// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

extension String {
    /// The text with what changes from run to run replaced by placeholders, so
    /// that whole outputs can be compared with a literal.
    ///
    /// Execution ids become `<id>`, ISO 8601 times `<time>`, table times
    /// `<local-time>` and durations such as `12ms`, `0.42s` or `2m03s` become `<dur>`.
    var scrubbed: String {
        var text = self
        text.replace(
            #/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#,
            with: "<id>"
        )
        text.replace(#/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/#, with: "<time>")
        text.replace(#/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/#, with: "<local-time>")
        text.replace(#/\b(\d+ms|\d+\.\d\ds|\d+m\d\ds|\d+h\d\dm|\d+d\d\dh)\b/#, with: "<dur>")
        return text
    }
}
