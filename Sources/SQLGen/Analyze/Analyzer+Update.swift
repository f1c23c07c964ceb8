/// UPDATE t [AS a] SET … [FROM …] [WHERE …] [RETURNING …].
extension QueryAnalysis {
    mutating func analyzeUpdate(_ node: ParseNode, in outer: Scope, isTopLevel: Bool) throws(AnalysisError)
        -> StatementShape
    {
        guard let relation = node.node("relation") else { throw AnalysisError.unsupported(node) }
        var scope = outer.pushing()
        if let with = node.node("withClause") { try addCommonTables(with, to: &scope, isTopLevel: isTopLevel) }
        let table = try addTargetTable(relation, to: &scope)
        for item in node.list("fromClause") {
            let visible = try addFromItem(item, to: &scope)
            scope.current.visible += visible
        }
        // PostgreSQL's order: FROM, WHERE, RETURNING, then the SET list.
        if let condition = node.node("whereClause") { _ = try typeCondition(condition, in: scope, context: "WHERE") }
        let returning = node.list("returningList")
        var columns: [ResultColumn] = []
        if !returning.isEmpty {
            columns = try finish(typeTargetList(returning, in: scope, expandStars: isTopLevel))
        }
        try assignSetList(node.list("targetList"), table: table, in: scope)
        return StatementShape(columns: columns, hasReturning: !returning.isEmpty, returnsExactlyOneRow: false)
    }

    /// Adds the table an UPDATE/DELETE writes as the first FROM item.
    mutating func addTargetTable(_ relation: ParseNode, to scope: inout Scope) throws(AnalysisError) -> Table {
        let table = try lookupTable(relation)
        let alias = relation.node("alias")?.string("aliasname")
        let item = FromItem(
            name: alias ?? table.name, schema: alias == nil ? table.schema : nil, columns: tableColumns(table),
            location: relation.location, aliasedRelation: alias == nil ? nil : table.name, isCatalogTable: true)
        scope.current.items.append(item)
        scope.current.visible += item.columns.indices.map { .item(scope.current.items.count - 1, column: $0) }
        return table
    }

    /// `SET col = expr, (a, b) = (x, y)`: each value is assigned to its column.
    mutating func assignSetList(_ targets: [ParseNode], table: Table, in scope: Scope) throws(AnalysisError) {
        for target in targets {
            guard let name = target.string("name"), let value = target.node("val") else {
                throw AnalysisError.unsupported(target)
            }
            if !target.list("indirection").isEmpty { throw AnalysisError.unsupported(target, "SET target indirection") }
            guard let column = table.column(name) else {
                throw AnalysisError(
                    "column \"\(name)\" of relation \"\(table.name)\" does not exist"
                        + Suggestion.didYouMean(name, among: table.columns.map(\.name)), at: target)
            }
            let reference = ColumnReference(schema: table.schema, table: table.name, column: column.name)
            var expression = value
            if value.kind == "MultiAssignRef" {
                guard let source = value.node("source"), source.kind == "RowExpr" else {
                    throw AnalysisError.unsupported(value, "multiple-column assignment from a subquery")
                }
                let items = source.list("args")
                let index = value.int("colno") - 1
                if items.count != value.int("ncolumns") {
                    throw AnalysisError("number of columns does not match number of values", at: source)
                }
                guard items.indices.contains(index) else { throw AnalysisError.unsupported(value) }
                expression = items[index]
            }
            try assign(expression, to: column, reference: reference, in: scope)
        }
    }
}
