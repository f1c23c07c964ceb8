extension CatalogState {
    /// CREATE [OR REPLACE] VIEW: a relation whose columns are its query's result columns, with
    /// their types and nullability, renamed by the view's own column list when it has one.
    mutating func createView(_ view: PG.ViewStmt, _ context: StatementContext) {
        guard let relation = view.view, let query = view.query else { return }
        let name = qualified(relation: relation)
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: context.location(relation))
            return
        }
        let existing = catalog.schemas[name.schema]?.tables[name.name]
        if let existing, !existing.isView || !view.replace {
            error("relation \"\(name.display)\" already exists", at: context.location(relation))
            return
        }
        guard
            let columns = queryColumns(
                query, aliases: view.aliases, tooMany: "CREATE VIEW specifies more column names than columns", at: relation,
                context)
        else { return }
        var table = Table(
            schema: name.schema, name: name.name, columns: columns, isView: true, comment: context.leadingComment ?? existing?.comment)
        (table.dependsOn, table.readsColumns) = dependencies(of: query)
        if existing == nil { add(table) } else { store(table) }
    }

    /// The relations a defining query reads (those that exist; a CTE's name is not one), the
    /// schema's functions it calls, and the column names it mentions.
    func dependencies(of query: PG.Node) -> (relations: Set<String>, columns: Set<String>) {
        var relations: Set<String> = []
        var columns: Set<String> = []
        for node in query.descendants {
            switch node {
            case .rangeVar(let relation):
                let name = qualified(relation: relation)
                if catalog.schemas[name.schema]?.tables[name.name] != nil { relations.insert(name.key) }
            case .funcCall(let call):
                // The schema's own functions only: PostgreSQL's cannot be dropped.
                if let name = call.funcname.names.last, catalog.functions[name] != nil {
                    relations.insert(Self.functionDependency(name))
                }
            case .columnRef(let reference):
                if let last = reference.fields.names.last { columns.insert(last) }
                if reference.fields.contains(where: { if case .aStar = $0 { true } else { false } }) { columns.insert("*") }
            default:
                break
            }
        }
        return (relations, columns)
    }

    /// CREATE MATERIALIZED VIEW and CREATE TABLE AS: a relation with its query's columns. A
    /// materialized view holds its query's rows, so it keeps the query's nullability; a table made
    /// this way gets no NOT NULL constraints (PostgreSQL copies none), so its columns are optional.
    mutating func createTableAs(_ create: PG.CreateTableAsStmt, _ context: StatementContext) {
        guard let into = create.into, let relation = into.rel, let query = create.query else { return }
        guard let name = newRelationName(relation, ifNotExists: create.ifNotExists, context) else { return }
        let isMaterializedView = create.objtype == .matview
        guard
            var columns = queryColumns(
                query, aliases: into.colNames, tooMany: "too many column names were specified", at: relation, context)
        else { return }
        if !isMaterializedView {
            for index in columns.indices { columns[index].isNotNull = false }
        }
        var table = Table(
            schema: name.schema, name: name.name, columns: columns, isView: isMaterializedView, comment: context.leadingComment)
        if isMaterializedView { (table.dependsOn, table.readsColumns) = dependencies(of: query) }
        add(table)
    }

    /// The result columns of a view's or table's defining query, renamed by `aliases`; nil after
    /// reporting why not (`tooMany` is PostgreSQL's message for more names than columns).
    private mutating func queryColumns(
        _ query: PG.Node, aliases aliasNodes: [PG.Node], tooMany: String, at relation: PG.RangeVar, _ context: StatementContext
    ) -> [Column]? {
        guard let viewColumns else {
            warn("skipped: a relation defined by a query needs the query analyzer", at: context.location(relation))
            return nil
        }
        var columns: [Column]
        switch viewColumns(query, context.statement, catalog) {
        case .success(let resolved): columns = resolved
        case .failure(let failure):
            diagnostics.append(failure.diagnostic)
            return nil
        }
        let aliases = aliasNodes.compactMap(\.stringValue)
        guard aliases.count <= columns.count else {
            error(tooMany, at: context.location(relation))
            return nil
        }
        for (index, alias) in aliases.enumerated() { columns[index].name = alias }
        var seen: Set<String> = []
        for column in columns where !seen.insert(column.name).inserted {
            error("column \"\(column.name)\" specified more than once", at: context.location(relation))
            return nil
        }
        return columns
    }
}
