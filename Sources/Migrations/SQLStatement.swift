/// One SQL statement cut out of a migration file by ``SQLSplitter``.
///
/// The text starts at the statement's first token (leading comments and blank lines are dropped)
/// and ends at its last token, without the terminating semicolon. Comments inside the statement
/// are kept, so positions the server reports still match the file.
public struct SQLStatement: Sendable, Hashable {
    /// The statement as it is sent to the server.
    public let text: String

    /// The 1-based line of the file where the statement's first token is.
    public let line: Int

    /// The 1-based column (in Unicode scalars) of the statement's first token.
    public let column: Int

    /// The statement's first bare words, lowercased, with quoted names, literals and comments
    /// left out; enough to classify the statement without parsing it.
    let leadingWords: [String]

    /// Whether the bare word `CONCURRENTLY` appears anywhere in the statement.
    let mentionsConcurrently: Bool

    /// Creates a statement; `leadingWords` feed ``outsideTransactionReason``.
    init(text: String, line: Int, column: Int, leadingWords: [String] = [], mentionsConcurrently: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.leadingWords = leadingWords
        self.mentionsConcurrently = mentionsConcurrently
    }
}

extension SQLStatement {
    /// Maps a 1-based character position inside ``text`` (PostgreSQL's error `position` field counts
    /// characters, which for UTF-8 are Unicode scalars) to a line and column of the file.
    ///
    /// - Returns: `nil` when the position lies outside the statement.
    public func fileLocation(ofPosition position: Int) -> (line: Int, column: Int)? {
        guard position >= 1 else { return nil }
        var line = self.line
        var column = self.column
        var offset = 1
        for scalar in text.unicodeScalars {
            if offset == position { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += 1
        }
        // The server may point just past the end (e.g. "syntax error at end of input").
        return offset == position ? (line, column) : nil
    }
}
