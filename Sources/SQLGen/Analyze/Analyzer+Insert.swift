/// A column an INSERT writes, in target order.
struct InsertTarget: Sendable, Hashable {
    var column: Column
    var reference: ColumnReference
    /// Offset of the column in the INSERT's column list, nil when the list is implicit.
    var location: Int?
}

/// INSERT INTO t [(cols)] VALUES … | SELECT … [ON CONFLICT …] [RETURNING …].
extension QueryAnalysis {
    mutating func analyzeInsert(_ node: ParseNode, in outer: Scope, isTopLevel: Bool) throws(AnalysisError)
        -> StatementShape
    {
        guard let relation = node.node("relation") else { throw AnalysisError.unsupported(node) }
        var scope = outer.pushing()
        if let with = node.node("withClause") {
            try addCommonTables(with, to: &scope, isTopLevel: isTopLevel)
        }
        let table = try lookupTable(relation)
        let alias = relation.node("alias")?.string("aliasname")
        let targets = try insertTargets(node.list("cols"), table: table)
        let insertedRows: Int?
        if let select = node.node("selectStmt") {
            insertedRows = try analyzeInsertSource(select, targets: targets, hasColumnList: !node.list("cols").isEmpty, in: scope)
        } else {
            insertedRows = 1  // DEFAULT VALUES
        }

        // ON CONFLICT and RETURNING see the target table (and EXCLUDED for DO UPDATE).
        let tableItem = FromItem(
            name: alias ?? table.name, schema: alias == nil ? table.schema : nil, columns: tableColumns(table),
            location: relation.location, aliasedRelation: alias == nil ? nil : table.name, isCatalogTable: true)
        scope.current.items = [tableItem]
        scope.current.visible = tableItem.columns.indices.map { .item(0, column: $0) }
        let onConflict = node.node("onConflictClause")
        if let onConflict {
            try analyzeOnConflict(onConflict, table: table, scope: scope)
        }
        let returning = node.list("returningList")
        var columns: [ResultColumn] = []
        if !returning.isEmpty {
            let typed = try typeTargetList(returning, in: scope, expandStars: isTopLevel)
            columns = try finish(typed)
        }
        return StatementShape(
            columns: columns, hasReturning: !returning.isEmpty,
            returnsExactlyOneRow: !returning.isEmpty && onConflict == nil && insertedRows == 1)
    }

    /// A table's columns as an UPDATE/INSERT/DELETE target exposes them.
    func tableColumns(_ table: Table) -> [ResultColumn] {
        table.columns.map { column in
            ResultColumn(
                name: column.name, type: column.type, isNullable: !column.isNotNull,
                source: ColumnReference(schema: table.schema, table: table.name, column: column.name))
        }
    }

    /// RETURNING/target lists as result columns; untyped literals become text.
    mutating func finish(_ targets: [TypedTarget]) throws(AnalysisError) -> [ResultColumn] {
        var columns: [ResultColumn] = []
        for target in targets {
            var expression = target.expression
            try resolve(&expression, to: .text)
            columns.append(
                ResultColumn(
                    name: target.name, type: expression.type, isNullable: expression.isNullable,
                    source: expression.source))
        }
        return columns
    }

    private func insertTargets(_ columns: [ParseNode], table: Table) throws(AnalysisError) -> [InsertTarget] {
        func target(_ column: Column, at location: Int?) -> InsertTarget {
            InsertTarget(
                column: column, reference: ColumnReference(schema: table.schema, table: table.name, column: column.name),
                location: location)
        }
        if columns.isEmpty { return table.columns.map { target($0, at: nil) } }
        var result: [InsertTarget] = []
        for entry in columns {
            guard let name = entry.string("name") else { throw AnalysisError.unsupported(entry) }
            if !entry.list("indirection").isEmpty { throw AnalysisError.unsupported(entry, "INSERT target indirection") }
            guard let column = table.column(name) else {
                throw AnalysisError(
                    "column \"\(name)\" of relation \"\(table.name)\" does not exist"
                        + Suggestion.didYouMean(name, among: table.columns.map(\.name)), at: entry)
            }
            if result.contains(where: { $0.column.name == name }) {
                throw AnalysisError("column \"\(name)\" specified more than once", at: entry)
            }
            result.append(target(column, at: entry.location))
        }
        return result
    }

    /// VALUES rows or a SELECT; returns the number of VALUES rows (nil for a query).
    private mutating func analyzeInsertSource(
        _ select: ParseNode, targets: [InsertTarget], hasColumnList: Bool, in outer: Scope
    ) throws(AnalysisError) -> Int? {
        let rows = select.list("valuesLists")
        let isPlainValues =
            !rows.isEmpty && select.node("withClause") == nil && select.list("sortClause").isEmpty
            && select.node("limitCount") == nil && select.node("limitOffset") == nil
        if isPlainValues {
            let scope = outer
            for row in rows {
                let items = row.list("items")
                try checkArity(expressions: items, targets: targets, hasColumnList: hasColumnList)
                for (index, item) in items.enumerated() {
                    try assign(item, to: targets[index].column, reference: targets[index].reference, in: scope)
                }
            }
            return rows.count
        }
        let result = try analyzeSelect(select, in: outer, isTopLevel: false, outputTyping: .targets(targets))
        let expressions = select.list("targetList")
        if result.columns.count > targets.count {
            let location = expressions.count > targets.count ? expressions[targets.count].location : select.location
            throw AnalysisError("INSERT has more expressions than target columns", at: location)
        }
        if hasColumnList, result.columns.count < targets.count {
            throw AnalysisError("INSERT has more target columns than expressions", at: targets[result.columns.count].location)
        }
        for (index, column) in result.columns.enumerated() {
            let target = targets[index].column
            guard OperatorResolution.assignable(column.type, to: target.type) else {
                throw AnalysisError(
                    "column \"\(target.name)\" is of type \(target.type) but expression is of type \(column.type)",
                    at: expressions.indices.contains(index) ? expressions[index].location : select.location)
            }
        }
        // The row count of INSERT … SELECT is not known statically (only VALUES counts).
        return nil
    }

    private func checkArity(expressions: [ParseNode], targets: [InsertTarget], hasColumnList: Bool)
        throws(AnalysisError)
    {
        if expressions.count > targets.count {
            throw AnalysisError("INSERT has more expressions than target columns", at: expressions[targets.count])
        }
        if hasColumnList, expressions.count < targets.count {
            throw AnalysisError("INSERT has more target columns than expressions", at: targets[expressions.count].location)
        }
    }

    /// An expression stored into `column` (INSERT value, UPDATE SET): a parameter takes the
    /// column's exact type and is nullable when the column is.
    mutating func assign(_ node: ParseNode, to column: Column, reference: ColumnReference, in scope: Scope)
        throws(AnalysisError)
    {
        if node.kind == "SetToDefault" { return }
        var typed = try typeExpression(node, in: scope)
        try resolve(&typed, to: column.type, name: column.name, column: reference, nullable: !column.isNotNull)
        guard OperatorResolution.assignable(typed.type, to: column.type) else {
            throw AnalysisError(
                "column \"\(column.name)\" is of type \(column.type) but expression is of type \(typed.type)", at: node)
        }
    }

    private mutating func analyzeOnConflict(_ clause: ParseNode, table: Table, scope: Scope) throws(AnalysisError) {
        if let infer = clause.node("infer") {
            for element in infer.list("indexElems") {
                if let name = element.string("name"), table.column(name) == nil {
                    throw AnalysisError(
                        "column \"\(name)\" does not exist" + Suggestion.didYouMean(name, among: table.columns.map(\.name)),
                        at: infer)
                }
                if let expression = element.node("expr") { _ = try typeExpression(expression, in: scope) }
            }
            if let condition = infer.node("whereClause") { _ = try typeCondition(condition, in: scope, context: "WHERE") }
        }
        guard clause.enumCase("action") == "ONCONFLICT_UPDATE" else { return }
        if clause.node("infer") == nil {
            throw AnalysisError("ON CONFLICT DO UPDATE requires inference specification or constraint name", at: clause)
        }
        var updateScope = scope
        let excluded = FromItem(name: "excluded", schema: nil, columns: tableColumns(table), location: nil)
        updateScope.current.items.append(excluded)
        try assignSetList(clause.list("targetList"), table: table, in: updateScope)
        if let condition = clause.node("whereClause") {
            _ = try typeCondition(condition, in: updateScope, context: "WHERE")
        }
    }
}
