/// WITH: each CTE is analyzed in order and sees the ones before it (and, for WITH RECURSIVE,
/// itself through its non-recursive arm).
struct CommonTableAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// The scope of a new query level inside `outer`, with the level's CTEs (if any) in it.
    func level(with clause: PG.WithClause?, in outer: Scope, isTopLevel: Bool) throws(AnalysisError) -> Scope {
        var scope = outer.pushing()
        if let clause { try add(clause, to: &scope, isTopLevel: isTopLevel) }
        return scope
    }

    func add(_ with: PG.WithClause, to scope: inout Scope, isTopLevel: Bool) throws(AnalysisError) {
        for node in with.ctes {
            guard case .commonTableExpr(let cte) = node, let name = cte.ctename, let body = cte.ctequery else {
                throw AnalysisError.unsupported(node)
            }
            if scope.current.commonTables[name] != nil {
                throw AnalysisError("WITH query name \"\(name)\" specified more than once", at: cte.location)
            }
            let aliases = cte.aliascolnames.names
            func named(_ columns: [ResultColumn]) -> [ResultColumn] {
                var result = columns
                for (index, alias) in aliases.enumerated() where index < result.count { result[index].name = alias }
                return result
            }
            if with.recursive, case .selectStmt(let union) = body, union.op == .union, let base = union.larg {
                let seed = try selects.analyze(base, in: scope, isTopLevel: false)
                scope.current.commonTables[name] = CommonTable(name: name, columns: named(seed.columns))
            }
            let shape = try statements.analyze(body, in: scope, isTopLevel: false)
            if !shape.hasReturning {
                // An INSERT/UPDATE/DELETE without RETURNING runs for its effect; only a
                // reference to it is an error.
                scope.current.commonTables[name] = CommonTable(name: name, columns: [], hasReturning: false)
                continue
            }
            if aliases.count > shape.columns.count {
                throw AnalysisError(
                    "WITH query \"\(name)\" has \(shape.columns.count) columns available but \(aliases.count) columns specified",
                    at: cte.location)
            }
            let columns = named(shape.columns) + (try searchAndCycleColumns(of: cte, in: scope))
            scope.current.commonTables[name] = CommonTable(name: name, columns: columns)
        }
    }

    /// The columns `SEARCH … SET ord` and `CYCLE … SET is_cycle USING path` add to a recursive
    /// CTE: the ordering column (a record breadth-first, an array of records depth-first), the
    /// cycle mark (boolean, or the type of the given mark values) and the path (records).
    private func searchAndCycleColumns(of cte: PG.CommonTableExpr, in scope: Scope) throws(AnalysisError) -> [ResultColumn] {
        var columns: [ResultColumn] = []
        if let search = cte.searchClause, let column = search.searchSeqColumn {
            let type = search.searchBreadthFirst ? TypeCoercion.record : TypeCoercion.record.array
            columns.append(ResultColumn(name: column, type: type, isNullable: false))
        }
        if let cycle = cte.cycleClause {
            var markType = SQLType.boolean
            if let value = cycle.cycleMarkValue, let fallback = cycle.cycleMarkDefault {
                var marks = [try expressions.typed(value, in: scope), try expressions.typed(fallback, in: scope)]
                markType = try expressions.resolveCommon(&marks, context: "CYCLE", at: value)
            }
            if let column = cycle.cycleMarkColumn { columns.append(ResultColumn(name: column, type: markType, isNullable: false)) }
            if let column = cycle.cyclePathColumn {
                columns.append(ResultColumn(name: column, type: TypeCoercion.record.array, isNullable: false))
            }
        }
        return columns
    }
}
