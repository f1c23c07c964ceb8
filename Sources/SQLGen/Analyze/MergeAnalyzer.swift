/// MERGE INTO t [AS a] USING source ON condition WHEN [NOT] MATCHED [AND …] THEN UPDATE | DELETE |
/// INSERT | DO NOTHING (PostgreSQL 15, which has no RETURNING for MERGE).
struct MergeAnalyzer: AnalysisPass {
    let context: AnalysisContext

    func analyze(_ merge: PG.MergeStmt, in outer: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        guard let relation = merge.relation, let source = merge.sourceRelation else {
            throw AnalysisError.unsupported(merge)
        }
        // PostgreSQL's order: the target, the source, the join condition, then each WHEN clause.
        var scope = try commonTables.level(with: merge.withClause, in: outer, isTopLevel: isTopLevel)
        let table = try fromClause.addTargetTable(relation, to: &scope)
        let sourceVisible = try fromClause.add(source, to: &scope)
        scope.current.visible += sourceVisible
        if let condition = merge.joinCondition {
            _ = try expressions.condition(condition, in: scope, context: "JOIN/ON")
        }
        let sourceOnly = hidingTarget(of: scope, sourceVisible: sourceVisible)
        var unconditional: Set<Bool> = []
        for case .mergeWhenClause(let clause) in merge.mergeWhenClauses {
            if unconditional.contains(clause.matched) {
                throw AnalysisError(
                    "unreachable WHEN clause specified after unconditional WHEN clause", at: clause.condition ?? merge.relation?.asNode)
            }
            if clause.condition == nil { unconditional.insert(clause.matched) }
            // WHEN NOT MATCHED has no target row: only the source's columns are visible.
            let clauseScope = clause.matched ? scope : sourceOnly
            if let condition = clause.condition {
                _ = try expressions.condition(condition, in: clauseScope, context: "WHEN")
            }
            switch clause.commandType {
            case .update:
                try assignments.assignSetList(clause.targetList, table: table, in: clauseScope)
            case .insert:
                try analyzeInsert(clause, table: table, in: clauseScope)
            default:
                break  // DELETE and DO NOTHING take no values.
            }
        }
        return StatementShape(columns: [], hasReturning: false, returnsExactlyOneRow: false)
    }

    /// `INSERT [(cols)] VALUES (…)` or `INSERT DEFAULT VALUES`: each value is stored into its column.
    private func analyzeInsert(_ clause: PG.MergeWhenClause, table: Table, in scope: Scope) throws(AnalysisError) {
        var columns: [Column] = []
        for entry in clause.targetList {
            columns.append(try AssignmentAnalyzer.column(namedBy: entry, in: table, clause: "INSERT").column)
        }
        if clause.targetList.isEmpty { columns = Array(table.columns.prefix(clause.values.count)) }
        if clause.values.count > columns.count {
            throw AnalysisError("INSERT has more expressions than target columns", at: clause.values[columns.count])
        }
        if !clause.values.isEmpty, clause.values.count < columns.count {
            throw AnalysisError(
                "INSERT has more target columns than expressions", at: clause.targetList[clause.values.count])
        }
        for (value, column) in zip(clause.values, columns) {
            let reference = ColumnReference(schema: table.schema, table: table.name, column: column.name)
            try assignments.assign(value, to: column, reference: reference, in: scope)
        }
    }

    /// The scope of a WHEN NOT MATCHED clause: the target stays in the list (so item numbers
    /// hold) but can be referenced neither by name nor by its columns.
    private func hidingTarget(of scope: Scope, sourceVisible: [VisibleColumn]) -> Scope {
        var copy = scope
        copy.current.items[0] = FromItem(name: "", schema: nil, columns: [], location: nil)
        copy.current.visible = sourceVisible
        return copy
    }
}
