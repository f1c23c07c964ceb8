/// An analyzed query as the rules see it: the analysis, the parse tree of the statement as the
/// user wrote it (before `*` expansion) and the way from that text back to the query file.
struct VetQuery {
    let analyzed: AnalyzedQuery
    let written: WrittenQuery
    let statement: PG.Node
    let catalog: Catalog

    /// Nil for a query without its written text (made in code, not read from a file): rules
    /// report positions in the file, so they have nothing to point at.
    init?(_ analyzed: AnalyzedQuery, catalog: Catalog) {
        // The analysis keeps the written text, not its tree; parsing it again costs far less
        // than carrying every tree through the pipeline for a command that needs them once.
        guard let written = analyzed.written, let parsed = try? PgQuery.parse(written.sql).first else { return nil }
        self.analyzed = analyzed
        self.written = written
        self.statement = parsed.node
        self.catalog = catalog
    }

    /// The statement and every node below it, pre-order: rules look at statements in CTEs and
    /// subqueries as well as the top-level one.
    var allNodes: [PG.Node] { [statement] + statement.descendants }

    /// A finding at an offset in the written SQL, mapped back to the file.
    func finding(_ rule: VetRule, _ message: String, at offset: Int?) -> VetFinding {
        VetFinding(rule: rule, message: message, location: written.sourceMap.location(ofStatementOffset: offset ?? 0))
    }

    /// Where the text of a node starts: its leftmost location, not the operator's that
    /// PostgreSQL records for `a = b`, so a finding points at the start of the condition.
    static func start(of node: PG.Node) -> Int? {
        ([node.location].compactMap { $0 } + node.raw.descendants.compactMap(\.location)).min()
    }
}
