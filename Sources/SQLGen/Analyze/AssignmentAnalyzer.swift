/// Values stored into table columns: INSERT values, UPDATE's SET list, ON CONFLICT DO UPDATE.
struct AssignmentAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// An expression stored into `column`: a parameter takes the column's exact type and is
    /// nullable when the column is.
    func assign(_ node: PG.Node, to column: Column, reference: ColumnReference, in scope: Scope) throws(AnalysisError) {
        if case .setToDefault = node { return }
        if case .rowExpr(let row) = node, context.compositeTable(column.type) != nil {
            _ = try expressions.typedRow(row, as: column.type, in: scope)  // INSERT … VALUES (ROW($1, $2))
            return
        }
        let typed = try expressions.typed(node, in: scope)
        try store(typed, of: node, into: column, reference: reference)
    }

    /// `SET col = expr, (a, b) = (x, y), (c, d) = (SELECT …), tags[1] = x, data['k'] = x`: each
    /// value is assigned to its column, or to the element or field the subscripts select.
    func assignSetList(_ targets: [PG.Node], table: Table, in scope: Scope) throws(AnalysisError) {
        var subqueryColumns: [ResultColumn] = []
        for target in targets {
            let (resTarget, column) = try Self.column(namedBy: target, in: table, clause: "SET", allowsIndirection: true)
            guard let value = resTarget.val else { throw AnalysisError.unsupported(target) }
            let reference = ColumnReference(schema: table.schema, table: table.name, column: column.name)
            var expression = value
            var typedValue: TypedExpression? = nil
            if case .multiAssignRef(let multiple) = value {
                let index = multiple.colno - 1
                switch multiple.source {
                case .rowExpr(let row):
                    let items = row.args
                    if items.count != multiple.ncolumns {
                        throw AnalysisError("number of columns does not match number of values", at: multiple.source)
                    }
                    guard items.indices.contains(index) else { throw AnalysisError.unsupported(value) }
                    expression = items[index]
                case .subLink(let subLink):
                    // `(a, b) = (SELECT x, y …)`: the subquery runs once; its columns are stored in order.
                    guard let subquery = subLink.subselect else { throw AnalysisError.unsupported(value) }
                    if index == 0 { subqueryColumns = try selects.analyze(subquery, in: scope).columns }
                    if subqueryColumns.count != multiple.ncolumns {
                        throw AnalysisError("number of columns does not match number of values", at: subquery)
                    }
                    let column = subqueryColumns[index]
                    // A scalar subquery yields NULL when it finds no row.
                    typedValue = .known(column.type, nullable: true)
                    expression = subquery
                default:
                    throw AnalysisError.unsupported(value, "multiple-column assignment")
                }
            }
            if case .setToDefault = expression, resTarget.indirection.isEmpty { continue }
            if column.computedBy != nil {
                throw AnalysisError("column \"\(column.name)\" can only be updated to DEFAULT", at: target)
            }
            // PostgreSQL types the value first, then the subscripts, then stores the value.
            let typed: TypedExpression
            if let typedValue { typed = typedValue } else { typed = try expressions.typed(expression, in: scope) }
            var storedInto = column
            for step in resTarget.indirection {
                storedInto.type = try expressions.indirectionStep(step, of: storedInto.type, at: target, in: scope).type
                storedInto.isNotNull = false
            }
            try store(typed, of: expression, into: storedInto, reference: reference)
        }
    }

    private func store(_ value: TypedExpression, of node: PG.Node, into column: Column, reference: ColumnReference)
        throws(AnalysisError)
    {
        var typed = value
        try context.resolve(&typed, to: column.type, name: column.name, column: reference, nullable: !column.isNotNull)
        guard context.coercion.castsInAssignment(typed.type, to: column.type) else {
            throw AnalysisError(
                "column \"\(column.name)\" is of type \(column.type) but expression is of type \(typed.type)", at: node)
        }
    }

    /// The column an entry of a SET list or an INSERT column list names (`SET x = …`,
    /// `INSERT INTO t (x)`), with PostgreSQL's error for a column the table lacks.
    static func column(namedBy target: PG.Node, in table: Table, clause: String, allowsIndirection: Bool = false)
        throws(AnalysisError) -> (target: PG.ResTarget, column: Column)
    {
        guard case .resTarget(let resTarget) = target, let name = resTarget.name else {
            throw AnalysisError.unsupported(target)
        }
        if !allowsIndirection, !resTarget.indirection.isEmpty { throw AnalysisError.unsupported(target, "\(clause) target indirection") }
        guard let column = table.column(name) else {
            throw AnalysisError(
                "column \"\(name)\" of relation \"\(table.name)\" does not exist"
                    + Suggestion.didYouMean(name, among: table.columns.map(\.name)), at: target)
        }
        return (resTarget, column)
    }
}
