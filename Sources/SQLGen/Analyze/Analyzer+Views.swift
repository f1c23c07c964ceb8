extension Analyzer {
    /// A view's columns, typed like a query's result columns: a column PostgreSQL can prove
    /// non-null (a NOT NULL column read through inner joins, `count(*)`, …) is non-null in the
    /// view's model; everything else is optional. For `CatalogBuilder.build(_:viewColumns:)`.
    public static let viewColumns: ViewColumnsResolver = { query, statement, catalog in
        let viewName: String? = if case .viewStmt(let view) = statement.node { view.view?.relname } else { nil }
        let name = viewName ?? "view"
        let parsed = ParsedQuery(
            name: name, command: .many, docComment: [], sql: statement.text, statement: query, namedParameters: [:],
            sourceMap: statement.sourceMap, annotationLocation: statement.sourceMap.location(ofStatementOffset: 0))
        let context = AnalysisContext(
            catalog: catalog,
            builtins: BuiltinCatalog.postgres.adding(objectsOf: catalog),
            query: parsed)
        do throws(AnalysisError) {
            let shape = try StatementAnalyzer(context: context).analyze(query, in: Scope(), isTopLevel: true)
            if context.highestParameterNumber > 0 {
                let parameter = query.descendants.first { node in
                    if case .paramRef = node { return true }
                    return false
                }
                throw AnalysisError("a view's query cannot have parameters", at: parameter?.location ?? query.location)
            }
            return .success(shape.columns.map { Column(name: $0.name, type: $0.type, isNotNull: !$0.isNullable) })
        } catch {
            return .failure(
                ViewQueryError(.error(error.message, at: statement.sourceMap.location(ofStatementOffset: error.offset ?? 0))))
        }
    }
}
