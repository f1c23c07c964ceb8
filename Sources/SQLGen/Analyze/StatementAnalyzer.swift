/// The result of analyzing a statement: its output columns and row-count facts.
struct StatementShape: Sendable, Hashable {
    var columns: [ResultColumn]
    /// False for INSERT/UPDATE/DELETE without RETURNING (no rows come back).
    var hasReturning: Bool
    var returnsExactlyOneRow: Bool
}

/// Sends a statement (a query's, or a CTE's body) to the analyzer of its kind.
struct StatementAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// SELECT, INSERT, UPDATE or DELETE. At the top level, `*` is expanded in the SQL text and
    /// an unsupported statement is reported at the statement's start.
    func analyze(_ node: PG.Node, in scope: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        switch node {
        case .selectStmt(let select):
            let result = try selects.analyze(select, in: scope, isTopLevel: isTopLevel)
            return StatementShape(
                columns: result.columns, hasReturning: true, returnsExactlyOneRow: result.returnsExactlyOneRow)
        case .insertStmt(let insert):
            return try InsertAnalyzer(context: context).analyze(insert, in: scope, isTopLevel: isTopLevel)
        case .updateStmt(let update):
            return try UpdateAnalyzer(context: context).analyze(update, in: scope, isTopLevel: isTopLevel)
        case .deleteStmt(let delete):
            return try DeleteAnalyzer(context: context).analyze(delete, in: scope, isTopLevel: isTopLevel)
        default:
            // A statement kind the analysis does not handle: point at the statement itself.
            throw AnalysisError("unsupported construct \(node.kindName)", at: isTopLevel ? 0 : node.location)
        }
    }
}
