/// What a test can tell about SQL text without a parser: whether it has a token outside
/// comments, and whether it is unbalanced — it ends inside a quoted string or identifier, a
/// dollar quote or a block comment, or its parentheses do not balance — which no SQL accepts.
struct SQLShape {
    private(set) var hasToken = false
    private(set) var isUnbalanced = false
    /// The text ends inside a block comment that follows a `;` (and only comments).
    private(set) var endsInCommentAfterStatement = false

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var depth = 0
        var lastToken: Unicode.Scalar?
        func scalar(_ offset: Int) -> Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }
        /// Moves `index` past `closing`; false when the text ends first.
        func skip(past closing: [Unicode.Scalar], escapes: Bool = false, doubled: Bool = false) -> Bool {
            while index < scalars.count {
                if escapes && scalars[index] == "\\" {
                    index += 2
                } else if Array(scalars[index..<min(index + closing.count, scalars.count)]) == closing {
                    index += closing.count
                    guard doubled, scalar(index) == closing[0] else { return true }
                    index += 1
                } else {
                    index += 1
                }
            }
            return false
        }
        while index < scalars.count {
            let current = scalars[index]
            let next = scalar(index + 1)
            if current == "-" && next == "-" {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
                continue
            }
            if current == "/" && next == "*" {
                let follows = lastToken
                index += 2
                var nesting = 1
                while index < scalars.count && nesting > 0 {
                    if scalars[index] == "/" && scalar(index + 1) == "*" {
                        nesting += 1
                        index += 2
                    } else if scalars[index] == "*" && scalar(index + 1) == "/" {
                        nesting -= 1
                        index += 2
                    } else {
                        index += 1
                    }
                }
                if nesting > 0 {
                    isUnbalanced = true
                    endsInCommentAfterStatement = follows == ";"
                }
                continue
            }
            if current.properties.isWhitespace {
                index += 1
                continue
            }
            hasToken = true
            lastToken = current
            let previous = index > 0 ? scalars[index - 1] : " "
            if current == "'" || current == "\"" {
                index += 1
                let escapes = current == "'" && (previous == "E" || previous == "e")
                if !skip(past: [current], escapes: escapes, doubled: true) { isUnbalanced = true }
                continue
            }
            if current == "$", !Self.isIdentifierPart(previous), let tag = Self.dollarTag(scalars, at: index) {
                index += tag.count
                if !skip(past: tag) { isUnbalanced = true }
                continue
            }
            if current == "(" { depth += 1 }
            if current == ")" { depth -= 1 }
            if depth < 0 { isUnbalanced = true }
            index += 1
        }
        if depth != 0 { isUnbalanced = true }
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar)
    }

    /// `$$` or `$tag$` starting at `index`.
    private static func dollarTag(_ scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        var end = index + 1
        while end < scalars.count, isIdentifierPart(scalars[end]), end > index + 1 || !("0"..."9").contains(scalars[end]) {
            end += 1
        }
        guard end < scalars.count, scalars[end] == "$" else { return nil }
        return Array(scalars[index...end])
    }
}
