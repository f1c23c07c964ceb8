/// DELETE FROM t [USING …] [WHERE …] [RETURNING …].
struct DeleteAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(_ delete: PG.DeleteStmt, in outer: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        guard let relation = delete.relation else { throw AnalysisError.unsupported(delete) }
        var scope = try commonTables.level(with: delete.withClause, in: outer, isTopLevel: isTopLevel)
        _ = try fromClause.addTargetTable(relation, to: &scope)
        try fromClause.add(delete.usingClause, to: &scope)
        if let condition = delete.whereClause { _ = try expressions.condition(condition, in: scope, context: "WHERE") }
        let columns = try targetList.returning(delete.returningList, in: scope, expandStars: isTopLevel)
        return StatementShape(columns: columns, hasReturning: !delete.returningList.isEmpty, returnsExactlyOneRow: false)
    }
}
