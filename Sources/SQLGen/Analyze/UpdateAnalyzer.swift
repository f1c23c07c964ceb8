/// UPDATE t [AS a] SET … [FROM …] [WHERE …] [RETURNING …].
struct UpdateAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(_ update: PG.UpdateStmt, in outer: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        guard let relation = update.relation else { throw AnalysisError.unsupported(update) }
        var scope = try commonTables.level(with: update.withClause, in: outer, isTopLevel: isTopLevel)
        let table = try fromClause.addTargetTable(relation, to: &scope)
        try fromClause.add(update.fromClause, to: &scope)
        // PostgreSQL's order: FROM, WHERE, RETURNING, then the SET list.
        if let condition = update.whereClause { _ = try expressions.condition(condition, in: scope, context: "WHERE") }
        let columns = try targetList.returning(update.returningList, in: scope, expandStars: isTopLevel)
        try assignments.assignSetList(update.targetList, table: table, in: scope)
        return StatementShape(columns: columns, hasReturning: !update.returningList.isEmpty, returnsExactlyOneRow: false)
    }
}
