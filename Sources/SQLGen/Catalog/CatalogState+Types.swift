/// Enum types, domains and schemas.
extension CatalogState {
    mutating func createEnum(_ create: PG.CreateEnumStmt, _ context: StatementContext) {
        guard let name = qualified(create.typeName.names) else { return }
        let at = context.location(ofWord: name.name, after: 0)
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: at)
            return
        }
        guard !typeExists(name) else {
            error("type \"\(name.display)\" already exists", at: at)
            return
        }
        var values: [String] = []
        for value in create.vals.names {
            if values.contains(value) {
                error("enum label \"\(value)\" used more than once", at: context.location(ofWord: value, after: 0))
                continue
            }
            values.append(value)
        }
        catalog.schemas[name.schema]?.enums[name.name] = EnumType(schema: name.schema, name: name.name, values: values)
        catalog.schemas[name.schema]?.enumOrder.append(name.name)
    }

    func typeExists(_ name: QualifiedName) -> Bool {
        guard let schema = catalog.schemas[name.schema] else { return false }
        return schema.enums[name.name] != nil || domains[name.schema]?[name.name] != nil
            || schema.compositeTypes[name.name] != nil || schema.ranges[name.name] != nil
            || schema.tables[name.name] != nil
    }

    /// The enum, or an error at `location`; nil then.
    mutating func existingEnum(_ name: QualifiedName, at location: SourceLocation) -> EnumType? {
        if let found = catalog.schemas[name.schema]?.enums[name.name] { return found }
        let candidates = catalog.schemas[name.schema]?.enums.keys.sorted() ?? []
        error("type \"\(name.display)\" does not exist\(Suggestion.didYouMean(name.name, among: candidates))", at: location)
        return nil
    }

    /// ALTER TYPE … ADD VALUE [IF NOT EXISTS] [BEFORE|AFTER] and ALTER TYPE … RENAME VALUE.
    mutating func alterEnum(_ alter: PG.AlterEnumStmt, _ context: StatementContext) {
        guard let name = qualified(alter.typeName.names),
            var type = existingEnum(name, at: context.location(ofWord: name.name, after: 0))
        else { return }
        let newValue = alter.newVal ?? ""
        let at = context.location(ofStatementOffset: 0)
        if let oldValue = alter.oldVal {
            guard let index = type.values.firstIndex(of: oldValue) else {
                error("\"\(oldValue)\" is not an existing enum label", at: at)
                return
            }
            guard !type.values.contains(newValue) else {
                error("enum label \"\(newValue)\" already exists", at: at)
                return
            }
            type.values[index] = newValue
        } else {
            guard !type.values.contains(newValue) else {
                if !alter.skipIfNewValExists { error("enum label \"\(newValue)\" already exists", at: at) }
                return
            }
            if let neighbor = alter.newValNeighbor {
                guard let index = type.values.firstIndex(of: neighbor) else {
                    error("\"\(neighbor)\" is not an existing enum label", at: at)
                    return
                }
                type.values.insert(newValue, at: alter.newValIsAfter ? index + 1 : index)
            } else {
                type.values.append(newValue)
            }
        }
        catalog.schemas[name.schema]?.enums[name.name] = type
    }

    /// ALTER TYPE … RENAME TO: the enum and every column of that type follow.
    mutating func renameType(_ rename: PG.RenameStmt, to newName: String, _ context: StatementContext) {
        guard let name = qualified(Self.listNames(rename.object)) else { return }
        let at = context.location(ofWord: name.name, after: 0)
        if let domain = domains[name.schema]?[name.name] {
            domains[name.schema]?[name.name] = nil
            domains[name.schema]?[newName] = domain
            return
        }
        if rename.missingOk, !typeExists(name) { return }
        guard var type = existingEnum(name, at: at) else { return }
        guard !typeExists(QualifiedName(schema: name.schema, name: newName, display: newName)) else {
            error("type \"\(newName)\" already exists", at: context.location(ofWord: newName, after: 0))
            return
        }
        let old = type.sqlType
        catalog.schemas[name.schema]?.enums[name.name] = nil
        type.name = newName
        catalog.schemas[name.schema]?.enums[newName] = type
        if let position = catalog.schemas[name.schema]?.enumOrder.firstIndex(of: name.name) {
            catalog.schemas[name.schema]?.enumOrder[position] = newName
        }
        retypeColumns(from: old, to: type.sqlType)
    }

    /// ALTER TYPE … SET SCHEMA.
    mutating func moveType(_ move: PG.AlterObjectSchemaStmt, to newSchema: String, _ context: StatementContext) {
        guard let name = qualified(Self.listNames(move.object)) else { return }
        if move.missingOk, !typeExists(name) { return }
        guard var type = existingEnum(name, at: context.location(ofWord: name.name, after: 0)) else { return }
        guard schemaExists(newSchema) else {
            error("schema \"\(newSchema)\" does not exist", at: context.location(ofWord: newSchema, after: 0))
            return
        }
        let old = type.sqlType
        catalog.schemas[name.schema]?.enums[name.name] = nil
        catalog.schemas[name.schema]?.enumOrder.removeAll { $0 == name.name }
        type.schema = newSchema
        catalog.schemas[newSchema]?.enums[type.name] = type
        catalog.schemas[newSchema]?.enumOrder.append(type.name)
        retypeColumns(from: old, to: type.sqlType)
    }

    /// CREATE DOMAIN: remembered as its base type, so columns of the domain type resolve.
    mutating func createDomain(_ create: PG.CreateDomainStmt, _ context: StatementContext) {
        guard let name = qualified(create.domainname.names), let typeName = create.typeName else { return }
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: context.location(ofWord: name.name, after: 0))
            return
        }
        guard !typeExists(name) else {
            error("type \"\(name.display)\" already exists", at: context.location(ofWord: name.name, after: 0))
            return
        }
        guard let base = resolveType(typeName, context) else { return }
        domains[name.schema, default: [:]][name.name] = base
    }

    mutating func createSchema(_ create: PG.CreateSchemaStmt, _ context: StatementContext) {
        guard let name = create.schemaname else {
            unsupported("CREATE SCHEMA AUTHORIZATION", context)
            return
        }
        if catalog.schemas[name] != nil {
            if !create.ifNotExists { error("schema \"\(name)\" already exists", at: context.location(ofWord: name, after: 0)) }
            return
        }
        catalog.schemas[name] = Catalog.Schema(name: name)
    }

    /// COMMENT ON TABLE / VIEW / COLUMN / TYPE / SCHEMA; `IS NULL` (or '') removes the comment.
    mutating func comment(_ comment: PG.CommentStmt, _ context: StatementContext) {
        let text = comment.comment.flatMap { $0.isEmpty ? nil : $0 }
        let names = Self.listNames(comment.object)
        let at = context.location(ofWord: names.last ?? "", after: 0)
        switch comment.objtype {
        case .table, .foreignTable, .view, .matview:
            guard let name = qualified(names) else { return }
            let isView = comment.objtype == .view || comment.objtype == .matview
            guard var table = existingTable(name, views: isView, at: at) else { return }
            table.comment = text
            store(table)
        case .column:
            guard names.count >= 2, let name = qualified(Array(names.dropLast())) else { return }
            let columnName = names[names.count - 1]
            // Columns of tables and of views take comments alike.
            let isView = catalog.schemas[name.schema]?.tables[name.name]?.isView ?? false
            guard var table = existingTable(name, views: isView, at: context.location(ofWord: name.name, after: 0)) else {
                return
            }
            guard let index = table.columns.firstIndex(where: { $0.name == columnName }) else {
                error(missingColumnMessage(columnName, of: table), at: at)
                return
            }
            table.columns[index].comment = text
            store(table)
        case .type:
            guard let name = qualified(names) else { return }
            if domains[name.schema]?[name.name] != nil { return }
            guard var type = existingEnum(name, at: context.location(comment.object)) else { return }
            type.comment = text
            catalog.schemas[name.schema]?.enums[name.name] = type
        case .schema:
            guard let schema = names.first else { return }
            guard catalog.schemas[schema] != nil else {
                error("schema \"\(schema)\" does not exist", at: at)
                return
            }
            catalog.schemas[schema]?.comment = text
        default:
            break
        }
    }
}
