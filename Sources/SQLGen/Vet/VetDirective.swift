/// A `-- vet: ignore` comment in front of a query: the rules it turns off for that query.
///
/// ```sql
/// -- Every row: the nightly job resets all counters.
/// -- vet: ignore update-without-where -- the job means every row
/// -- name: ResetCounters :exec
/// UPDATE counters SET hits = 0;
/// ```
/// `-- vet: ignore` alone turns off every rule. Text after ` -- ` is the reason, for readers.
struct VetDirective {
    /// The rules named; nil when the comment names none (every rule).
    var rules: Set<VetRule>?
    /// Unknown rule names and malformed directives, as warnings at the comment.
    var problems: [Diagnostic] = []

    func ignores(_ rule: VetRule) -> Bool { rules?.contains(rule) ?? true }

    /// The directive of one comment line; nil when the line is not a `vet:` comment.
    static func parse(_ comment: SQLComment, at location: SourceLocation) -> VetDirective? {
        guard comment.style == .line else { return nil }
        // sqlc's own opt-out: every rule.
        if comment.docLine.trimmingCharacters(in: .whitespaces) == "@sqlc-vet-disable" { return VetDirective(rules: nil) }
        guard comment.isVetDirective else { return nil }
        var text = Substring(comment.docLine.dropFirst(SQLComment.vetMarker.count))
        if let reason = text.range(of: " --") { text = text[..<reason.lowerBound] }
        var words = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        guard words.first == "ignore" else {
            return VetDirective(
                rules: [],
                problems: [.warning("unknown vet directive \"\(comment.written)\"; expected \"-- vet: ignore [rule, …]\"", at: location)])
        }
        words.removeFirst()
        guard !words.isEmpty else { return VetDirective(rules: nil) }
        var directive = VetDirective(rules: [])
        for word in words {
            if let rule = VetRule(rawValue: word) {
                directive.rules?.insert(rule)
            } else {
                directive.problems.append(
                    .warning(
                        "unknown vet rule \"\(word)\"\(Suggestion.didYouMean(word, among: VetRule.names)); "
                            + "the rules are \(VetRule.names.joined(separator: ", "))",
                        at: location))
            }
        }
        return directive
    }

    /// Every directive of a query's leading comments, merged.
    static func merged(_ directives: [VetDirective]) -> VetDirective? {
        guard let first = directives.first else { return nil }
        return directives.dropFirst().reduce(first) { result, next in
            var result = result
            if let mine = result.rules, let theirs = next.rules {
                result.rules = mine.union(theirs)
            } else {
                result.rules = nil
            }
            result.problems += next.problems
            return result
        }
    }
}
