/// English singular forms for table names (`accounts` → `account`, `entries` → `entry`), applied
/// to the last word of a snake_case name (`verify_emails` → `verify_email`).
public enum Inflection {
    static let irregular: [String: String] = [
        "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse", "geese": "goose",
        "teeth": "tooth", "feet": "foot", "oxen": "ox", "aliases": "alias", "indices": "index", "matrices": "matrix",
        "vertices": "vertex", "analyses": "analysis", "crises": "crisis", "theses": "thesis", "movies": "movie",
        "cookies": "cookie", "leaves": "leaf", "lives": "life", "wives": "wife", "knives": "knife",
        "halves": "half", "shelves": "shelf", "quizzes": "quiz", "criteria": "criterion", "phenomena": "phenomenon",
    ]
    /// Words whose plural is the singular (or that are not countable).
    static let uncountable: Set<String> = [
        "news", "data", "metadata", "series", "species", "sheep", "fish", "deer", "information", "equipment", "money",
        "rice", "status", "media", "feedback", "software", "staff", "audio", "analytics",
    ]

    /// The singular of a snake_case name's last word; other words and the separators stay.
    public static func singularize(_ name: String) -> String {
        guard let range = lastWordRange(name) else { return name }
        var result = name
        result.replaceSubrange(range, with: singularizeWord(String(name[range])))
        return result
    }

    static func singularizeWord(_ word: String) -> String {
        let lower = word.lowercased()
        if uncountable.contains(lower) { return word }
        if let singular = irregular[lower] { return matchCase(singular, like: word) }
        func drop(_ count: Int, adding suffix: String = "") -> String {
            String(word.dropLast(count)) + (word.last?.isUppercase == true ? suffix.uppercased() : suffix)
        }
        if lower.hasSuffix("ies") && lower.count > 4 { return drop(3, adding: "y") }
        if lower.hasSuffix("sses") || lower.hasSuffix("uses") || lower.hasSuffix("xes") || lower.hasSuffix("zzes")
            || lower.hasSuffix("ches") || lower.hasSuffix("shes")
        {
            return drop(2)
        }
        if lower.hasSuffix("ss") || lower.hasSuffix("us") || lower.hasSuffix("is") { return word }
        if lower.hasSuffix("s") && lower.count > 1 { return drop(1) }
        return word
    }

    private static func lastWordRange(_ name: String) -> Range<String.Index>? {
        guard let end = name.lastIndex(where: { $0.isLetter }) else { return nil }
        var start = end
        while start > name.startIndex {
            let previous = name.index(before: start)
            if !name[previous].isLetter { break }
            start = previous
        }
        return start..<name.index(after: end)
    }

    private static func matchCase(_ word: String, like original: String) -> String {
        if original == original.uppercased() { return word.uppercased() }
        if original.first?.isUppercase == true { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }
}
