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
            scope.current.commonTables[name] = CommonTable(name: name, columns: named(shape.columns))
        }
    }
}
