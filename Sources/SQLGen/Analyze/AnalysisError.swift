/// The first error found in one query. PostgreSQL stops at the first error of a statement,
/// and so does the analysis: the query is dropped and this becomes its diagnostic.
struct AnalysisError: Error, Sendable, Hashable {
    var message: String
    /// UTF-8 offset in the query's `sql`, nil for "the statement's start".
    var offset: Int?
    /// Set instead of `offset` for a problem outside the statement text (a `-- @param` hint).
    var location: SourceLocation?

    init(_ message: String, at offset: Int?) {
        self.message = message
        self.offset = offset
    }

    init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    init(_ message: String, at node: PG.Node?) {
        self.init(message, at: node?.location)
    }

    /// "unsupported construct X" for a parse node the analysis does not handle, so that
    /// nothing is ever typed silently wrong.
    static func unsupported(_ node: PG.Node, _ what: String? = nil) -> AnalysisError {
        // Some nodes (RangeFunction, JoinExpr …) carry no location: use their first child's.
        AnalysisError("unsupported construct \(what ?? node.kindName)", at: node.firstLocation)
    }

    /// "unsupported construct X" for a node held by a typed field (`SelectStmt.larg`, …).
    static func unsupported(_ node: some PG.NodeView, _ what: String? = nil) -> AnalysisError {
        let location = node.raw.location ?? node.raw.descendants.lazy.compactMap(\.location).min()
        return AnalysisError("unsupported construct \(what ?? type(of: node).kindName)", at: location)
    }
}
