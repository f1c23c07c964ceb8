/// DELETE FROM t [USING …] [WHERE …] [RETURNING …].
extension QueryAnalysis {
    mutating func analyzeDelete(_ node: ParseNode, in outer: Scope, isTopLevel: Bool) throws(AnalysisError)
        -> StatementShape
    {
        guard let relation = node.node("relation") else { throw AnalysisError.unsupported(node) }
        var scope = outer.pushing()
        if let with = node.node("withClause") { try addCommonTables(with, to: &scope, isTopLevel: isTopLevel) }
        _ = try addTargetTable(relation, to: &scope)
        for item in node.list("usingClause") {
            let visible = try addFromItem(item, to: &scope)
            scope.current.visible += visible
        }
        if let condition = node.node("whereClause") { _ = try typeCondition(condition, in: scope, context: "WHERE") }
        let returning = node.list("returningList")
        var columns: [ResultColumn] = []
        if !returning.isEmpty {
            columns = try finish(typeTargetList(returning, in: scope, expandStars: isTopLevel))
        }
        return StatementShape(columns: columns, hasReturning: !returning.isEmpty, returnsExactlyOneRow: false)
    }
}
