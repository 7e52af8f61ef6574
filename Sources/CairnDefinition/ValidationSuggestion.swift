// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Finds the word a user most likely meant, for "did you mean" hints.
enum ValidationSuggestion {
    /// The candidate closest to `word`, when it is close enough to be a typo.
    ///
    /// Distances count insertions, deletions, substitutions and swaps of two
    /// neighbouring characters, ignoring case. A word allows one edit per three
    /// characters, at least one and at most three; words under three
    /// characters only match by case, since any two of them are one edit apart.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased())
        let allowed = lowered.count < 3 ? 0 : max(1, min(3, lowered.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            guard distance <= allowed else { continue }
            if best == nil || distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'X'?"` when a close candidate exists, otherwise empty.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        guard let match = closest(to: word, among: candidates) else { return "" }
        return "; did you mean '\(match)'?"
    }

    /// The optimal-string-alignment distance between two words.
    private static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousRow = [Int](repeating: 0, count: rhs.count + 1)
        var row = Array(0...rhs.count)
        for i in 1...lhs.count {
            let beforePrevious = previousRow
            previousRow = row
            row = [Int](repeating: 0, count: rhs.count + 1)
            row[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[rhs.count]
    }
}
