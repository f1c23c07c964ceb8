/// Values stored into table columns: INSERT values, UPDATE's SET list, ON CONFLICT DO UPDATE.
struct AssignmentAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// An expression stored into `column`: a parameter takes the column's exact type and is
    /// nullable when the column is.
    func assign(_ node: PG.Node, to column: Column, reference: ColumnReference, in scope: Scope) throws(AnalysisError) {
        if case .setToDefault = node { return }
        var typed = try expressions.typed(node, in: scope)
        try context.resolve(&typed, to: column.type, name: column.name, column: reference, nullable: !column.isNotNull)
        guard context.coercion.castsInAssignment(typed.type, to: column.type) else {
            throw AnalysisError(
                "column \"\(column.name)\" is of type \(column.type) but expression is of type \(typed.type)", at: node)
        }
    }

    /// `SET col = expr, (a, b) = (x, y)`: each value is assigned to its column.
    func assignSetList(_ targets: [PG.Node], table: Table, in scope: Scope) throws(AnalysisError) {
        for target in targets {
            let (resTarget, column) = try Self.column(namedBy: target, in: table, clause: "SET")
            guard let value = resTarget.val else { throw AnalysisError.unsupported(target) }
            let reference = ColumnReference(schema: table.schema, table: table.name, column: column.name)
            var expression = value
            if case .multiAssignRef(let multiple) = value {
                guard case .rowExpr(let row) = multiple.source else {
                    throw AnalysisError.unsupported(value, "multiple-column assignment from a subquery")
                }
                let items = row.args
                let index = multiple.colno - 1
                if items.count != multiple.ncolumns {
                    throw AnalysisError("number of columns does not match number of values", at: multiple.source)
                }
                guard items.indices.contains(index) else { throw AnalysisError.unsupported(value) }
                expression = items[index]
            }
            try assign(expression, to: column, reference: reference, in: scope)
        }
    }

    /// The column an entry of a SET list or an INSERT column list names (`SET x = …`,
    /// `INSERT INTO t (x)`), with PostgreSQL's error for a column the table lacks.
    static func column(namedBy target: PG.Node, in table: Table, clause: String) throws(AnalysisError)
        -> (target: PG.ResTarget, column: Column)
    {
        guard case .resTarget(let resTarget) = target, let name = resTarget.name else {
            throw AnalysisError.unsupported(target)
        }
        if !resTarget.indirection.isEmpty { throw AnalysisError.unsupported(target, "\(clause) target indirection") }
        guard let column = table.column(name) else {
            throw AnalysisError(
                "column \"\(name)\" of relation \"\(table.name)\" does not exist"
                    + Suggestion.didYouMean(name, among: table.columns.map(\.name)), at: target)
        }
        return (resTarget, column)
    }
}
