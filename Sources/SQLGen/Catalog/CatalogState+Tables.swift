/// CREATE TABLE, ALTER TABLE, renames, moves and drops of tables.
extension CatalogState {
    /// `CREATE_TABLE_LIKE_*` bits of `TableLikeClause.options` (PostgreSQL's parsenodes.h).
    private static let likeComments = 1 << 0
    private static let likeDefaults = 1 << 3
    private static let likeGenerated = 1 << 4
    private static let likeIdentity = 1 << 5

    mutating func createTable(_ create: PG.CreateStmt, _ context: StatementContext) {
        guard let relation = create.relation, let name = newRelationName(relation, ifNotExists: create.ifNotExists, context)
        else { return }
        var columns: [Column] = []
        var inherited: Set<String> = []
        var parents: Set<String> = []
        // INHERITS (…) and PARTITION OF: the parents' columns come first.
        for case .rangeVar(let parent) in create.inhRelations {
            let parentName = qualified(relation: parent)
            guard let table = existingTable(parentName, at: context.location(parent)) else { continue }
            parents.insert(parentName.key)
            for column in table.columns {
                if let index = columns.firstIndex(where: { $0.name == column.name }) {
                    columns[index].isNotNull = columns[index].isNotNull || column.isNotNull
                } else {
                    columns.append(Column(name: column.name, type: column.type, isNotNull: column.isNotNull, hasDefault: column.hasDefault))
                    inherited.insert(column.name)
                }
            }
        }
        var primaryKeys: [(name: String, constraint: PG.Constraint)] = []
        var uniqueKeys: [[String]] = []
        for element in create.tableElts {
            switch element {
            case .columnDef(let definition):
                guard let column = makeColumn(definition, context) else { continue }
                if let index = columns.firstIndex(where: { $0.name == column.name }) {
                    if inherited.contains(column.name) {
                        // PostgreSQL merges a redeclared inherited column.
                        columns[index].isNotNull = columns[index].isNotNull || column.isNotNull
                        columns[index].hasDefault = columns[index].hasDefault || column.hasDefault
                        inherited.remove(column.name)
                    } else {
                        error("column \"\(column.name)\" specified more than once", at: context.location(definition))
                    }
                    continue
                }
                var documented = column
                if let location = definition.location { documented.comment = context.commentAbove(offset: location) }
                columns.append(documented)
                uniqueKeys += Self.uniqueKeys(declaredOn: definition)
            case .tableLikeClause(let like):
                guard let source = like.relation,
                    let table = existingTable(qualified(relation: source), at: context.location(source))
                else { continue }
                let options = like.options
                for column in table.columns {
                    guard !columns.contains(where: { $0.name == column.name }) else {
                        error("column \"\(column.name)\" specified more than once", at: context.location(source))
                        continue
                    }
                    var copy = column
                    copy.hasDefault = column.hasDefault && options & (Self.likeDefaults | Self.likeGenerated | Self.likeIdentity) != 0
                    if options & Self.likeComments == 0 { copy.comment = nil }
                    columns.append(copy)
                }
            case .constraint(let constraint):
                if constraint.contype == .primary {
                    primaryKeys += constraint.keys.names.map { ($0, constraint) }
                }
                if let key = Self.uniqueKey(of: constraint) { uniqueKeys.append(key) }
            default:
                break
            }
        }
        for (key, constraint) in primaryKeys {
            guard let index = columns.firstIndex(where: { $0.name == key }) else {
                error("column \"\(key)\" named in key does not exist", at: context.location(constraint))
                continue
            }
            columns[index].isNotNull = true
        }
        var table = Table(schema: name.schema, name: name.name, columns: columns, comment: context.leadingComment)
        table.dependsOn = parents
        for key in uniqueKeys { Self.record(uniqueKey: key, in: &table) }
        add(table)
    }

    /// The key a PRIMARY KEY or UNIQUE table constraint declares; nil for other constraints.
    static func uniqueKey(of constraint: PG.Constraint) -> [String]? {
        guard constraint.contype == .primary || constraint.contype == .unique, !constraint.keys.isEmpty else { return nil }
        return constraint.keys.names
    }

    /// `id bigint PRIMARY KEY`, `email text UNIQUE`: one-column keys of a column definition.
    static func uniqueKeys(declaredOn definition: PG.ColumnDef) -> [[String]] {
        guard let name = definition.colname else { return [] }
        return definition.constraints.compactMap { node -> [String]? in
            guard case .constraint(let constraint) = node, constraint.contype == .primary || constraint.contype == .unique
            else { return nil }
            return [name]
        }
    }

    /// Adds a key once, and only when every column it names exists (PostgreSQL rejects others).
    static func record(uniqueKey key: [String], in table: inout Table) {
        guard key.allSatisfy({ table.column($0) != nil }), !table.uniqueKeys.contains(key) else { return }
        table.uniqueKeys.append(key)
    }

    /// `CREATE UNIQUE INDEX … ON t (a, b)`: a key when it covers plain columns and has no WHERE
    /// (a partial index keeps only some rows distinct). Indexes change no column, so a missing
    /// table is left to PostgreSQL, as every other index statement is.
    mutating func createUniqueIndex(_ index: PG.IndexStmt) {
        guard index.unique, index.whereClause == nil, let relation = index.relation else { return }
        var key: [String] = []
        for case .indexElem(let element) in index.indexParams {
            guard let name = element.name, element.expr == nil else { return }
            key.append(name)
        }
        guard !key.isEmpty, key.count == index.indexParams.count else { return }
        let name = qualified(relation: relation)
        guard var table = catalog.schemas[name.schema]?.tables[name.name], !table.isView else { return }
        Self.record(uniqueKey: key, in: &table)
        store(table)
    }

    /// A column from a `ColumnDef`; nil when its type does not resolve (already reported).
    mutating func makeColumn(_ definition: PG.ColumnDef, _ context: StatementContext) -> Column? {
        guard let name = definition.colname, let typeName = definition.typeName, let type = resolveType(typeName, context)
        else { return nil }
        let names = typeName.names.names
        let isSerial = names.count == 1 && SQLType.isSerial(names[0])
        var column = Column(name: name, type: type, isNotNull: isSerial, hasDefault: isSerial)
        column.arrayDimensions = typeName.arrayBounds.count
        if names.count <= 2, let domain = qualified(names), domains[domain.schema]?[domain.name] != nil {
            column.domain = domain.key
        }
        for case .constraint(let constraint) in definition.constraints {
            switch constraint.contype {
            case .notnull, .primary:
                column.isNotNull = true
            case .identity:
                column.isNotNull = true
                column.hasDefault = true
                if constraint.generatedWhen == "a" { column.computedBy = .identityAlways }
            case .generated:
                column.hasDefault = true
                column.computedBy = .generatedExpression
            case .default:
                column.hasDefault = true
            default:
                break
            }
        }
        return column
    }

    /// ALTER TABLE subcommands that change what the catalog records (others are ignored).
    static let columnChangingSubtypes: Set<PG.AlterTableType> = [
        .addcolumn, .dropcolumn, .altercolumntype, .setnotnull, .dropnotnull, .columndefault, .addidentity, .dropidentity,
        .addconstraint,
    ]

    mutating func alterTable(_ alter: PG.AlterTableStmt, _ context: StatementContext) {
        switch alter.objtype {
        case .table, .foreignTable: break
        case .type: return unsupported("ALTER TYPE", context)  // ALTER TYPE … ADD ATTRIBUTE and the like
        default: return  // indexes, sequences, views (not tracked)
        }
        guard let relation = alter.relation else { return }
        let name = qualified(relation: relation)
        if alter.missingOk, catalog.schemas[name.schema]?.tables[name.name] == nil { return }
        let commands = alter.cmds.compactMap { node -> PG.AlterTableCmd? in
            guard case .alterTableCmd(let command) = node else { return nil }
            return command
        }
        // ATTACH / DETACH PARTITION change no columns, only what a drop of the parent takes along.
        for command in commands {
            guard case .partitionCmd(let partition)? = command.def, let child = partition.name else { continue }
            let childName = qualified(relation: child)
            if command.subtype == .attachpartition {
                catalog.schemas[childName.schema]?.tables[childName.name]?.dependsOn.insert(name.key)
            } else if command.subtype == .detachpartition {
                catalog.schemas[childName.schema]?.tables[childName.name]?.dependsOn.remove(name.key)
            }
        }
        // `ALTER TABLE` also reaches sequences and views (pg_dump's `ALTER TABLE seq OWNER TO …`):
        // only subcommands that change columns need the table to be known.
        guard commands.contains(where: { Self.columnChangingSubtypes.contains($0.subtype) }) else { return }
        guard var table = existingTable(name, at: context.location(relation)) else { return }
        let afterRelation = relation.location
        for command in commands {
            let columnName = command.name ?? ""
            // Computed only for an error: it searches the statement text.
            let columnLocation = { context.location(ofWord: columnName, after: afterRelation) }
            let index = table.columns.firstIndex { $0.name == columnName }
            switch command.subtype {
            case .addcolumn:
                guard case .columnDef(let definition)? = command.def, let column = makeColumn(definition, context) else { continue }
                if table.column(column.name) != nil {
                    if !command.missingOk {
                        error("column \"\(column.name)\" of relation \"\(table.name)\" already exists", at: context.location(definition))
                    }
                    continue
                }
                table.columns.append(column)
                for key in Self.uniqueKeys(declaredOn: definition) { Self.record(uniqueKey: key, in: &table) }
            case .dropcolumn:
                guard let index else {
                    if !command.missingOk { error(missingColumnMessage(columnName, of: table), at: columnLocation()) }
                    continue
                }
                table.columns.remove(at: index)
                // PostgreSQL drops the constraints and indexes that include the column.
                table.uniqueKeys.removeAll { $0.contains(columnName) }
                if command.behavior == .cascade { removeViews(reading: columnName, of: table) }
            case .altercolumntype, .setnotnull, .dropnotnull, .columndefault, .addidentity, .dropidentity:
                guard let index else {
                    error(missingColumnMessage(columnName, of: table), at: columnLocation())
                    continue
                }
                alterColumn(&table.columns[index], command, context)
            case .addconstraint:
                guard case .constraint(let constraint)? = command.def else { continue }
                if let key = Self.uniqueKey(of: constraint) { Self.record(uniqueKey: key, in: &table) }
                guard constraint.contype == .primary else { continue }
                for key in constraint.keys.names {
                    guard let keyIndex = table.columns.firstIndex(where: { $0.name == key }) else {
                        error("column \"\(key)\" named in key does not exist", at: context.location(constraint))
                        continue
                    }
                    table.columns[keyIndex].isNotNull = true
                }
            default:
                // Constraints other than primary keys, indexes, storage, triggers, owners, RLS, and
                // INHERIT / OF / ATTACH / DETACH PARTITION, which PostgreSQL allows only between
                // tables whose columns already match, so no column changes.
                break
            }
        }
        store(table)
    }

    private mutating func alterColumn(_ column: inout Column, _ command: PG.AlterTableCmd, _ context: StatementContext) {
        switch command.subtype {
        case .altercolumntype:
            if case .columnDef(let definition)? = command.def, let typeName = definition.typeName,
                let type = resolveType(typeName, context)
            {
                column.type = type
                column.arrayDimensions = typeName.arrayBounds.count
            }
        case .setnotnull: column.isNotNull = true
        case .dropnotnull: column.isNotNull = false
        case .columndefault: column.hasDefault = command.def != nil
        case .addidentity:
            column.hasDefault = true
            column.isNotNull = true
            if case .constraint(let constraint)? = command.def, constraint.generatedWhen == "a" {
                column.computedBy = .identityAlways
            }
        case .dropidentity:
            column.hasDefault = false
            column.computedBy = nil
        default: break
        }
    }

    /// ALTER TABLE … RENAME [COLUMN] / RENAME TO, ALTER TYPE … RENAME TO.
    mutating func rename(_ rename: PG.RenameStmt, _ context: StatementContext) {
        let newName = rename.newname ?? ""
        switch rename.renameType {
        case .column:
            let views = Self.viewKinds.contains(rename.relationType)
            guard views || rename.relationType == .table || rename.relationType == .foreignTable, let relation = rename.relation
            else { return }
            let name = qualified(relation: relation)
            if rename.missingOk, catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            guard var table = existingTable(name, views: views, at: context.location(relation)) else { return }
            let oldName = rename.subname ?? ""
            guard let index = table.columns.firstIndex(where: { $0.name == oldName }) else {
                error(missingColumnMessage(oldName, of: table), at: context.location(ofWord: oldName, after: relation.location))
                return
            }
            guard table.column(newName) == nil else {
                error(
                    "column \"\(newName)\" of relation \"\(table.name)\" already exists",
                    at: context.location(ofWord: newName, after: relation.location))
                return
            }
            table.columns[index].name = newName
            table.uniqueKeys = table.uniqueKeys.map { key in key.map { $0 == oldName ? newName : $0 } }
            store(table)
        case .table, .foreignTable, .view, .matview:
            guard let relation = rename.relation else { return }
            let name = qualified(relation: relation)
            if rename.missingOk, catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            let views = Self.viewKinds.contains(rename.renameType)
            guard var table = existingTable(name, views: views, at: context.location(relation)) else { return }
            guard catalog.schemas[name.schema]?.tables[newName] == nil else {
                error("relation \"\(newName)\" already exists", at: context.location(ofWord: newName, after: relation.location))
                return
            }
            catalog.schemas[name.schema]?.tables[name.name] = nil
            table.name = newName
            catalog.schemas[name.schema]?.tables[newName] = table
            relinkDependents(of: name.key, to: "\(name.schema).\(newName)")
            if let position = catalog.schemas[name.schema]?.tableOrder.firstIndex(of: name.name) {
                catalog.schemas[name.schema]?.tableOrder[position] = newName
            }
        case .type:
            renameType(rename, to: newName, context)
        case .domain:
            renameType(rename, to: newName, context)
        case .schema:
            unsupported("ALTER SCHEMA … RENAME", context)
        case .attribute:
            unsupported("ALTER TYPE … RENAME ATTRIBUTE", context)
        default:
            break  // indexes, sequences, constraints, triggers, functions (not tracked)
        }
    }

    /// The object kinds of `ALTER VIEW` and `ALTER MATERIALIZED VIEW`.
    static let viewKinds: Set<PG.ObjectType> = [.view, .matview]

    /// ALTER TABLE/TYPE … SET SCHEMA.
    mutating func setSchema(_ move: PG.AlterObjectSchemaStmt, _ context: StatementContext) {
        let newSchema = move.newschema ?? ""
        switch move.objectType {
        case .table:
            guard let relation = move.relation else { return }
            let name = qualified(relation: relation)
            if move.missingOk, catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            guard var table = existingTable(name, at: context.location(relation)) else { return }
            guard schemaExists(newSchema) else {
                error("schema \"\(newSchema)\" does not exist", at: context.location(ofWord: newSchema, after: relation.location))
                return
            }
            guard catalog.schemas[newSchema]?.tables[table.name] == nil else {
                error("relation \"\(table.name)\" already exists in schema \"\(newSchema)\"", at: context.location(relation))
                return
            }
            catalog.schemas[name.schema]?.tables[name.name] = nil
            catalog.schemas[name.schema]?.tableOrder.removeAll { $0 == name.name }
            table.schema = newSchema
            add(table)
            relinkDependents(of: name.key, to: "\(newSchema).\(table.name)")
        case .type:
            moveType(move, to: newSchema, context)
        default:
            break
        }
    }

    /// Removes a table or view and, as PostgreSQL's DROP … CASCADE does, everything that depends
    /// on it: views over it and its partitions and inheriting tables. (Without CASCADE
    /// PostgreSQL refuses such a drop, so a migration that applies never leaves them behind.)
    mutating func removeTable(schema: String, name: String) {
        catalog.schemas[schema]?.tables[name] = nil
        catalog.schemas[schema]?.tableOrder.removeAll { $0 == name }
        let key = "\(schema).\(name)"
        for dependent in catalog.allTables where dependent.dependsOn.contains(key) {
            removeTable(schema: dependent.schema, name: dependent.name)
        }
    }

    /// A renamed or moved relation: what depended on it still does.
    mutating func relinkDependents(of oldKey: String, to newKey: String) {
        for dependent in catalog.allTables where dependent.dependsOn.contains(oldKey) {
            catalog.schemas[dependent.schema]?.tables[dependent.name]?.dependsOn.remove(oldKey)
            catalog.schemas[dependent.schema]?.tables[dependent.name]?.dependsOn.insert(newKey)
        }
    }

    /// ALTER TABLE … DROP COLUMN … CASCADE: the views that read the column go with it.
    mutating func removeViews(reading column: String, of table: Table) {
        let key = "\(table.schema).\(table.name)"
        for view in catalog.allTables
        where view.isView && view.dependsOn.contains(key)
            && (view.readsColumns.contains(column) || view.readsColumns.contains("*"))
        {
            removeTable(schema: view.schema, name: view.name)
        }
    }

    /// DROP TABLE / VIEW / TYPE / DOMAIN / SCHEMA; drops of other objects are ignored.
    mutating func drop(_ drop: PG.DropStmt, _ context: StatementContext) {
        let missingOK = drop.missingOk
        for object in drop.objects {
            let names = Self.listNames(object)
            switch drop.removeType {
            case .table, .foreignTable:
                guard let name = qualified(names) else { continue }
                if let table = catalog.schemas[name.schema]?.tables[name.name], !table.isView {
                    removeTable(schema: name.schema, name: name.name)
                } else if !missingOK {
                    let candidates = catalog.schemas[name.schema]?.tables.values.filter { !$0.isView }.map(\.name).sorted() ?? []
                    error(
                        "table \"\(name.display)\" does not exist\(Suggestion.didYouMean(name.name, among: candidates))",
                        at: context.location(ofWord: name.name, after: 0))
                }
            case .view, .matview:
                guard let name = qualified(names) else { continue }
                if catalog.schemas[name.schema]?.tables[name.name]?.isView == true {
                    removeTable(schema: name.schema, name: name.name)
                } else if !missingOK {
                    let candidates = catalog.schemas[name.schema]?.tables.values.filter(\.isView).map(\.name).sorted() ?? []
                    error(
                        "\(drop.removeType == .matview ? "materialized view" : "view") \"\(name.display)\" does not exist"
                            + Suggestion.didYouMean(name.name, among: candidates),
                        at: context.location(ofWord: name.name, after: 0))
                }
            case .type, .domain:
                guard let name = qualified(names) else { continue }
                if catalog.schemas[name.schema]?.enums[name.name] != nil {
                    catalog.schemas[name.schema]?.enums[name.name] = nil
                    catalog.schemas[name.schema]?.enumOrder.removeAll { $0 == name.name }
                    if drop.behavior == .cascade { dropColumns(ofType: SQLType(name: name.name, schema: name.schema)) }
                } else if domains[name.schema]?[name.name] != nil {
                    domains[name.schema]?[name.name] = nil
                    if drop.behavior == .cascade { dropColumns(ofDomain: name.key) }
                } else if catalog.schemas[name.schema]?.compositeTypes[name.name] != nil {
                    catalog.schemas[name.schema]?.compositeTypes[name.name] = nil
                    if drop.behavior == .cascade { dropColumns(ofType: SQLType(name: name.name, schema: name.schema)) }
                } else if let range = catalog.schemas[name.schema]?.ranges[name.name] {
                    catalog.schemas[name.schema]?.ranges[name.name] = nil
                    if drop.behavior == .cascade {
                        dropColumns(ofType: range.type)
                        dropColumns(ofType: range.multirange)
                    }
                } else if !missingOK {
                    error("type \"\(name.display)\" does not exist", at: context.location(object))
                }
            case .sequence:
                if let name = qualified(names) { catalog.schemas[name.schema]?.sequences.remove(name.name) }
            case .function, .procedure, .routine:
                dropFunction(object, missingOK: missingOK, context)
            case .schema:
                guard let schema = names.first else { continue }
                if catalog.schemas[schema] != nil {
                    catalog.schemas[schema] = nil
                    domains[schema] = nil
                } else if !missingOK {
                    error("schema \"\(schema)\" does not exist", at: context.location(ofWord: schema, after: 0))
                }
            default:
                break
            }
        }
    }
}
