/// "Did you mean …?" hints for misspelled names (tables, columns, types, query names).
///
/// ```swift
/// Suggestion.closest(to: "acounts", among: ["accounts", "entries"])  // "accounts"
/// Suggestion.didYouMean("ownr", among: ["owner", "id"])              // " (did you mean \"owner\"?)"
/// ```
public enum Suggestion {
    /// The candidate nearest to `name` by edit distance (case-insensitive), when it is within
    /// `max(1, name.count / 3)` edits: close enough to be a typo, far enough to avoid noise.
    /// Ties go to the candidate that sorts first, so the hint is deterministic.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.candidate <= candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// ` (did you mean "x"?)` for the closest candidate, or "" when none is close; append it to
    /// an error message.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        guard let match = closest(to: name, among: candidates) else { return "" }
        return " (did you mean \"\(match)\"?)"
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of adjacent
    /// characters (the commonest typo) as one edit each; gives up early (returning `limit + 1`)
    /// once every path exceeds `limit`.
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], limit: Int) -> Int {
        if abs(lhs.count - rhs.count) > limit { return limit + 1 }
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[rhs.count]
    }
}
