/// The result of analyzing a statement: its output columns and row-count facts.
struct StatementShape: Sendable, Hashable {
    var columns: [ResultColumn]
    /// False for INSERT/UPDATE/DELETE without RETURNING (no rows come back).
    var hasReturning: Bool
    var returnsExactlyOneRow: Bool
}

/// Sends a statement (a query's, or a CTE's body) to the analyzer of its kind.
struct StatementAnalyzer: AnalysisPass {
    let context: AnalysisContext

    /// SELECT, INSERT, UPDATE, DELETE, MERGE, CALL, and the statements that only act (TRUNCATE,
    /// LOCK, REFRESH MATERIALIZED VIEW, NOTIFY, DO …). At the top level, `*` is expanded in the SQL text and
    /// an unsupported statement is reported at the statement's start.
    func analyze(_ node: PG.Node, in scope: Scope, isTopLevel: Bool) throws(AnalysisError) -> StatementShape {
        switch node {
        case .selectStmt(let select):
            let result = try selects.analyze(select, in: scope, isTopLevel: isTopLevel)
            return StatementShape(
                columns: result.columns, hasReturning: true, returnsExactlyOneRow: result.returnsExactlyOneRow)
        case .insertStmt(let insert):
            return try InsertAnalyzer(context: context).analyze(insert, in: scope, isTopLevel: isTopLevel)
        case .updateStmt(let update):
            return try UpdateAnalyzer(context: context).analyze(update, in: scope, isTopLevel: isTopLevel)
        case .deleteStmt(let delete):
            return try DeleteAnalyzer(context: context).analyze(delete, in: scope, isTopLevel: isTopLevel)
        case .mergeStmt(let merge):
            return try MergeAnalyzer(context: context).analyze(merge, in: scope, isTopLevel: isTopLevel)
        case .callStmt(let call):
            // CALL returns one row of the procedure's OUT and INOUT parameters, if it has any.
            guard let function = call.funccall else { throw AnalysisError.unsupported(node) }
            let typedCall = try expressions.resolveCall(function, in: scope, procedure: true)
            let columns = typedCall.resolved.outputColumns.map { ResultColumn(name: $0.name, type: $0.type, isNullable: true) }
            return StatementShape(columns: columns, hasReturning: !columns.isEmpty, returnsExactlyOneRow: !columns.isEmpty)
        case .truncateStmt(let truncate):
            for case .rangeVar(let relation) in truncate.relations { _ = try context.lookupTable(relation) }
            return StatementShape(columns: [], hasReturning: false, returnsExactlyOneRow: false)
        case .lockStmt(let lock):
            for case .rangeVar(let relation) in lock.relations { _ = try context.lookupTable(relation) }
            return StatementShape(columns: [], hasReturning: false, returnsExactlyOneRow: false)
        case .refreshMatViewStmt(let refresh):
            if let relation = refresh.relation { _ = try context.lookupTable(relation) }
            return StatementShape(columns: [], hasReturning: false, returnsExactlyOneRow: false)
        case .doStmt, .notifyStmt, .listenStmt, .unlistenStmt, .variableSetStmt:
            // Statements that take no parameters and return no rows.
            return StatementShape(columns: [], hasReturning: false, returnsExactlyOneRow: false)
        case .copyStmt:
            // The extended protocol cannot run COPY with parameters, so it cannot be a prepared query.
            throw AnalysisError(
                "not supported: COPY cannot be prepared as a query; write INSERT INTO t (…) SELECT * FROM unnest($1::…[], …) to load many rows with parameters instead",
                at: isTopLevel ? 0 : node.location)
        default:
            // A statement kind the analysis does not handle: point at the statement itself.
            throw AnalysisError("unsupported construct \(node.kindName)", at: isTopLevel ? 0 : node.location)
        }
    }
}
