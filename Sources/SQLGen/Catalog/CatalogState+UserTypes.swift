/// Composite types (`CREATE TYPE pair AS (a int, b text)`) and range types
/// (`CREATE TYPE floatrange AS RANGE (subtype = float8)`).
extension CatalogState {
    mutating func createCompositeType(_ create: PG.CompositeTypeStmt, _ context: StatementContext) {
        guard let relation = create.typevar else { return }
        let name = qualified(relation: relation)
        guard checkNewType(name, context) != nil else { return }
        var attributes: [Column] = []
        for case .columnDef(let definition) in create.coldeflist {
            guard var column = makeColumn(definition, context) else { return }
            if attributes.contains(where: { $0.name == column.name }) {
                error("column \"\(column.name)\" specified more than once", at: context.location(definition))
                return
            }
            // Attributes have no constraints: any of them can be NULL.
            column.isNotNull = false
            column.hasDefault = false
            attributes.append(column)
        }
        catalog.schemas[name.schema]?.compositeTypes[name.name] = Table(
            schema: name.schema, name: name.name, columns: attributes)
    }

    /// CREATE TYPE r AS RANGE (subtype = t [, multirange_type_name = m, …]): the range and its
    /// multirange (`floatrange` → `floatmultirange`, PostgreSQL's naming).
    mutating func createRange(_ create: PG.CreateRangeStmt, _ context: StatementContext) {
        guard let name = qualified(create.typeName.names) else { return }
        guard checkNewType(name, context) != nil else { return }
        var subtype: SQLType?
        var multirangeName: String?
        for case .defElem(let option) in create.params {
            switch (option.defname, option.arg) {
            case ("subtype", .typeName(let typeName)?): subtype = resolveType(typeName, context)
            case ("multirange_type_name", .typeName(let typeName)?): multirangeName = typeName.names.names.last
            case ("multirange_type_name", .string(let value)?): multirangeName = value.sval
            default: break
            }
        }
        guard let subtype else {
            error("type attribute \"subtype\" is required", at: context.location(ofWord: name.name, after: 0))
            return
        }
        // PostgreSQL's default: the first "range" in the name becomes "multirange", else "_multirange".
        let multirange =
            multirangeName
            ?? name.name.range(of: "range").map { name.name.replacingCharacters(in: $0, with: "multirange") }
            ?? name.name + "_multirange"
        catalog.schemas[name.schema]?.ranges[name.name] = RangeType(
            type: SQLType(name: name.name, schema: name.schema), subtype: subtype,
            multirange: SQLType(name: multirange, schema: name.schema))
    }

    /// The location to report a new type at, or nil after reporting a missing schema or a
    /// name that is taken.
    private mutating func checkNewType(_ name: QualifiedName, _ context: StatementContext) -> SourceLocation? {
        let at = context.location(ofWord: name.name, after: 0)
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: at)
            return nil
        }
        guard !typeExists(name) else {
            error("type \"\(name.display)\" already exists", at: at)
            return nil
        }
        return at
    }
}

extension CatalogState {
    /// DROP TYPE … CASCADE: PostgreSQL drops every column of that type (or an array of it), and
    /// every view that reads one.
    mutating func dropColumns(ofType type: SQLType) {
        for (schemaName, schema) in catalog.schemas {
            for (name, table) in schema.tables where table.columns.contains(where: { $0.type.element == type }) {
                if table.isView {
                    removeTable(schema: schemaName, name: name)
                } else {
                    catalog.schemas[schemaName]?.tables[name]?.columns.removeAll { $0.type.element == type }
                }
            }
            for (name, composite) in schema.compositeTypes where composite.columns.contains(where: { $0.type.element == type }) {
                catalog.schemas[schemaName]?.compositeTypes[name]?.columns.removeAll { $0.type.element == type }
            }
        }
    }

    /// DROP DOMAIN … CASCADE: the columns declared with the domain, and the views reading them.
    mutating func dropColumns(ofDomain domain: String) {
        for table in catalog.allTables where !table.isView {
            for column in table.columns where column.domain == domain {
                removeViews(reading: column.name, of: table)
            }
            catalog.schemas[table.schema]?.tables[table.name]?.columns.removeAll { $0.domain == domain }
        }
    }
}
