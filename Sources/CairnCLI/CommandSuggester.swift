// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// Finds the name a user probably meant, by Levenshtein edit distance.
enum CommandSuggester {
    /// The closest candidate, if it is close enough to be a typo.
    ///
    /// Case is ignored, so `failed` suggests `FAILED`. A short word may be
    /// one edit away, a longer one two; beyond that a "did you mean" guess
    /// is more often wrong than helpful.
    static func bestMatch(for word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        let allowed = target.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The number of single-character insertions, deletions and
    /// substitutions that turn one word into the other.
    static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var previous = Array(0...target.count)
        for (row, sourceCharacter) in source.enumerated() {
            var current = [row + 1]
            for (column, targetCharacter) in target.enumerated() {
                let substitution = previous[column] + (sourceCharacter == targetCharacter ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[target.count]
    }
}
