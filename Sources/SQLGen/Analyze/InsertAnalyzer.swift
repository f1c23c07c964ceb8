/// A column an INSERT writes, in target order.
struct InsertTarget: Sendable, Hashable {
    var column: Column
    var reference: ColumnReference
    /// Offset of the column in the INSERT's column list, nil when the list is implicit.
    var location: Int?
}

/// INSERT INTO t [(cols)] VALUES … | SELECT … [ON CONFLICT …] [RETURNING …].
struct InsertAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(_ insert: PG.InsertStmt, in outer: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        guard let relation = insert.relation else { throw AnalysisError.unsupported(insert) }
        var scope = try commonTables.level(with: insert.withClause, in: outer, isTopLevel: isTopLevel)
        let table = try context.lookupTable(relation)
        let targets = try insertTargets(insert.cols, table: table)
        try checkComputedColumns(targets, source: insert.selectStmt, override: insert.override)
        let insertedRows: Int?
        if let source = insert.selectStmt {
            insertedRows = try analyzeSource(source, targets: targets, hasColumnList: !insert.cols.isEmpty, in: scope)
        } else {
            insertedRows = 1  // DEFAULT VALUES
        }

        // ON CONFLICT and RETURNING see the target table (and EXCLUDED for DO UPDATE).
        let tableItem = fromClause.targetItem(relation, table: table)
        scope.current.items = [tableItem]
        scope.current.visible = tableItem.columns.indices.map { .item(0, column: $0) }
        if let onConflict = insert.onConflictClause {
            try analyzeOnConflict(onConflict, table: table, scope: scope)
        }
        let columns = try targetList.returning(insert.returningList, in: scope, expandStars: isTopLevel)
        let hasReturning = !insert.returningList.isEmpty
        return StatementShape(
            columns: columns, hasReturning: hasReturning,
            returnsExactlyOneRow: hasReturning && insert.onConflictClause == nil && insertedRows == 1)
    }

    private func insertTargets(_ columns: [PG.Node], table: Table) throws(AnalysisError) -> [InsertTarget] {
        func target(_ column: Column, at location: Int?) -> InsertTarget {
            InsertTarget(
                column: column, reference: ColumnReference(schema: table.schema, table: table.name, column: column.name),
                location: location)
        }
        if columns.isEmpty { return table.columns.map { target($0, at: nil) } }
        var result: [InsertTarget] = []
        for entry in columns {
            let column = try AssignmentAnalyzer.column(namedBy: entry, in: table, clause: "INSERT").column
            if result.contains(where: { $0.column.name == column.name }) {
                throw AnalysisError("column \"\(column.name)\" specified more than once", at: entry)
            }
            result.append(target(column, at: entry.location))
        }
        return result
    }

    /// VALUES rows or a SELECT; returns the number of VALUES rows (nil for a query).
    private func analyzeSource(
        _ source: PG.Node, targets: [InsertTarget], hasColumnList: Bool, in scope: Scope
    ) throws(AnalysisError) -> Int? {
        guard case .selectStmt(let select) = source else { throw AnalysisError.unsupported(source) }
        let rows = select.valuesLists
        let isPlainValues =
            !rows.isEmpty && select.withClause == nil && select.sortClause.isEmpty && select.limitCount == nil
            && select.limitOffset == nil
        if isPlainValues {
            for row in rows {
                guard case .list(let list) = row else { throw AnalysisError.unsupported(row) }
                let items = list.items
                try checkArity(expressions: items, targets: targets, hasColumnList: hasColumnList)
                for (index, item) in items.enumerated() {
                    try assignments.assign(item, to: targets[index].column, reference: targets[index].reference, in: scope)
                }
            }
            return rows.count
        }
        let result = try selects.analyze(select, in: scope, isTopLevel: false, outputTyping: .targets(targets))
        let expressions = select.targetList
        if result.columns.count > targets.count {
            let location = expressions.count > targets.count ? expressions[targets.count].location : select.location
            throw AnalysisError("INSERT has more expressions than target columns", at: location)
        }
        if hasColumnList, result.columns.count < targets.count {
            throw AnalysisError("INSERT has more target columns than expressions", at: targets[result.columns.count].location)
        }
        for (index, column) in result.columns.enumerated() {
            let target = targets[index].column
            guard context.coercion.castsInAssignment(column.type, to: target.type) else {
                throw AnalysisError(
                    "column \"\(target.name)\" is of type \(target.type) but expression is of type \(column.type)",
                    at: expressions.indices.contains(index) ? expressions[index].location : select.location)
            }
        }
        // The row count of INSERT … SELECT is not known statically (only VALUES counts).
        return nil
    }

    /// A generated column, and an identity column GENERATED ALWAYS without OVERRIDING SYSTEM
    /// VALUE, can only be written as DEFAULT.
    private func checkComputedColumns(_ targets: [InsertTarget], source: PG.Node?, override: PG.OverridingKind)
        throws(AnalysisError)
    {
        guard case .selectStmt(let select)? = source else { return }
        for (index, target) in targets.enumerated() {
            guard let computation = target.column.computedBy,
                computation == .generatedExpression || override != .systemValue
            else { continue }
            let detail =
                computation == .generatedExpression
                ? "column \"\(target.column.name)\" is a generated column"
                : "column \"\(target.column.name)\" is an identity column defined as GENERATED ALWAYS; use OVERRIDING SYSTEM VALUE to override"
            let message = "cannot insert a non-DEFAULT value into column \"\(target.column.name)\" (\(detail))"
            if select.valuesLists.isEmpty {
                throw AnalysisError(message, at: target.location ?? select.location)
            }
            for case .list(let row) in select.valuesLists where row.items.indices.contains(index) {
                if case .setToDefault = row.items[index] { continue }
                throw AnalysisError(message, at: row.items[index])
            }
        }
    }

    private func checkArity(expressions: [PG.Node], targets: [InsertTarget], hasColumnList: Bool) throws(AnalysisError) {
        if expressions.count > targets.count {
            throw AnalysisError("INSERT has more expressions than target columns", at: expressions[targets.count])
        }
        if hasColumnList, expressions.count < targets.count {
            throw AnalysisError("INSERT has more target columns than expressions", at: targets[expressions.count].location)
        }
    }

    private func analyzeOnConflict(_ clause: PG.OnConflictClause, table: Table, scope: Scope) throws(AnalysisError) {
        if let infer = clause.infer {
            for case .indexElem(let element) in infer.indexElems {
                if let name = element.name, table.column(name) == nil {
                    throw AnalysisError(
                        "column \"\(name)\" does not exist" + Suggestion.didYouMean(name, among: table.columns.map(\.name)),
                        at: infer.location)
                }
                if let expression = element.expr { _ = try expressions.typed(expression, in: scope) }
            }
            if let condition = infer.whereClause {
                _ = try expressions.condition(condition, in: scope, context: "WHERE")
            }
        }
        guard clause.action == .update else { return }
        if clause.infer == nil {
            throw AnalysisError(
                "ON CONFLICT DO UPDATE requires inference specification or constraint name", at: clause.location)
        }
        var updateScope = scope
        let excluded = FromItem(name: "excluded", schema: nil, columns: fromClause.tableColumns(table), location: nil)
        updateScope.current.items.append(excluded)
        try assignments.assignSetList(clause.targetList, table: table, in: updateScope)
        if let condition = clause.whereClause {
            _ = try expressions.condition(condition, in: updateScope, context: "WHERE")
        }
    }
}
