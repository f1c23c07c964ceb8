extension CatalogState {
    /// CREATE [OR REPLACE] VIEW: a relation whose columns are its query's result columns, with
    /// their types and nullability, renamed by the view's own column list when it has one.
    mutating func createView(_ node: ParseNode, _ context: StatementContext) {
        guard let relation = node.node("view"), let query = node.node("query") else { return }
        let name = qualified(relation: relation)
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: context.location(relation))
            return
        }
        let existing = catalog.schemas[name.schema]?.tables[name.name]
        if let existing, !existing.isView || !node.bool("replace") {
            error("relation \"\(name.display)\" already exists", at: context.location(relation))
            return
        }
        guard let viewColumns else {
            warn("views are not supported without a query analyzer", at: context.location(relation))
            return
        }
        var columns: [Column]
        switch viewColumns(query, context.statement, catalog) {
        case .success(let resolved): columns = resolved
        case .failure(let failure):
            diagnostics.append(failure.diagnostic)
            return
        }
        let aliases = node.list("aliases").compactMap { $0.string("sval") }
        guard aliases.count <= columns.count else {
            error("CREATE VIEW specifies more column names than columns", at: context.location(relation))
            return
        }
        for (index, alias) in aliases.enumerated() { columns[index].name = alias }
        var seen: Set<String> = []
        for column in columns where !seen.insert(column.name).inserted {
            error("column \"\(column.name)\" specified more than once", at: context.location(relation))
            return
        }
        let comment = context.statement.leadingComments.isEmpty ? nil : context.statement.leadingComments.joined(separator: "\n")
        catalog.schemas[name.schema]?.tables[name.name] = Table(
            schema: name.schema, name: name.name, columns: columns, isView: true, comment: comment ?? existing?.comment)
        if existing == nil { catalog.schemas[name.schema]?.tableOrder.append(name.name) }
    }
}
