/// The comments in front of each statement of a query file (between the previous statement and
/// this one), by the offset of the statement's first token: where `-- vet:` lines are read.
struct LeadingComments {
    private let byStatementStart: [Int: [SQLComment]]

    init(of file: SourceFile) {
        let bytes = Array(file.text.utf8)
        // The same split the Parse stage makes, so every statement it analysed is found.
        let ranges = (try? PgQuery.split(file.text)) ?? StatementSplitter.split(bytes)
        var comments: [Int: [SQLComment]] = [:]
        for range in ranges {
            let scanned = SQLTrivia.scanLeading(bytes, from: range.lowerBound, to: range.upperBound)
            comments[scanned.tokenStart] = scanned.comments
        }
        byStatementStart = comments
    }

    /// The comments before the statement whose first token is at `offset` in the file.
    func before(statementAt offset: Int) -> [SQLComment] { byStatementStart[offset] ?? [] }
}
