/// The `-- name: GetAccount :one` comment that names a query and says what it returns.
struct QueryAnnotation: Sendable, Hashable {
    var name: String
    var command: ParsedQuery.Command
    /// Said about an annotation that is read differently from how it is written (`:execlastid`).
    var warning: String? = nil

    /// The commands as users write them, in the order error messages list them.
    static let commandSpellings = ParsedQuery.Command.allCases.map { ":\($0.rawValue)" }

    /// The words after `name:` when the comment is an annotation (`-- name: …` or `/* name: … */`), else nil.
    static func words(of comment: SQLComment) -> [Substring]? {
        // Every comment of every query file comes here. In ASCII text (nearly all comments) each
        // byte is a character and the whitespace characters are SQL's, so bytes answer without
        // Unicode's tables.
        let utf8 = comment.body.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let text = utf8.drop(while: SQLTrivia.isWhitespace)
            guard text.starts(with: "name:".utf8) else { return nil }
            return text.dropFirst("name:".utf8.count).split(whereSeparator: SQLTrivia.isWhitespace).map { Substring($0) }
        }
        let text = comment.body.drop { $0.isWhitespace }
        guard text.hasPrefix("name:") else { return nil }
        return text.dropFirst("name:".count).split { $0.isWhitespace }
    }

    /// Reads an annotation comment, or explains what is wrong with it.
    static func parse(_ comment: SQLComment) -> Result<QueryAnnotation, AnnotationError> {
        guard let words = words(of: comment) else { return .failure(AnnotationError("invalid query comment: \(comment.written)")) }
        switch words.count {
        case 0:
            return .failure(AnnotationError("invalid query comment: \(comment.written)"))
        case 1:
            let list = commandSpellings.map { "'\($0)'" }.joined(separator: ", ")
            return .failure(AnnotationError("missing query type [\(list)]: \(comment.written)"))
        case 2:
            break
        default:
            return .failure(AnnotationError("invalid query comment: \(comment.written)"))
        }
        let name = String(words[0])
        let spelling = words[1]
        if let problem = nameProblem(name) { return .failure(AnnotationError(problem)) }
        if spelling == ":execlastid" {
            // MySQL's and SQLite's last-insert id; PostgreSQL has none.
            return .success(
                QueryAnnotation(
                    name: name, command: .execrows,
                    warning: ":execlastid needs a last-insert id, which PostgreSQL does not have; generated as :execrows "
                        + "(write RETURNING id with :one to get the new row's id)"))
        }
        guard spelling.hasPrefix(":"), let command = ParsedQuery.Command(rawValue: String(spelling.dropFirst())) else {
            return .failure(AnnotationError("invalid query type: \(spelling)"))
        }
        return .success(QueryAnnotation(name: name, command: command))
    }

    /// Why `name` cannot name a query, or nil when it can. Any identifier style works, as in
    /// sqlc (`GetAccount`, `getAccount`, `get_account`): the emitter makes Swift names of it.
    static func nameProblem(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        let isASCIILetter = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        let isValid =
            scalars.first.map(isASCIILetter) == true
            && scalars.contains { $0 != "_" }
            && scalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        guard isValid else {
            return "invalid query name \"\(name)\": use an identifier (letters, digits and underscores, not starting with a digit)"
        }
        return nil
    }
}

/// Why an annotation comment could not be read; becomes a diagnostic at the comment.
struct AnnotationError: Error, Sendable, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}
