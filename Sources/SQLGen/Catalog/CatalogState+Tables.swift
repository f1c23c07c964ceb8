/// CREATE TABLE, ALTER TABLE, renames, moves and drops of tables.
extension CatalogState {
    /// `CREATE_TABLE_LIKE_*` bits of `TableLikeClause.options` (PostgreSQL's parsenodes.h).
    private static let likeComments = 1 << 0
    private static let likeDefaults = 1 << 3
    private static let likeGenerated = 1 << 4
    private static let likeIdentity = 1 << 5

    mutating func createTable(_ node: ParseNode, _ context: StatementContext) {
        guard let relation = node.node("relation"),
            let name = newRelationName(relation, ifNotExists: node.bool("if_not_exists"), context)
        else { return }
        var columns: [Column] = []
        var inherited: Set<String> = []
        // INHERITS (…) and PARTITION OF: the parents' columns come first.
        for parent in node.list("inhRelations") {
            guard let table = existingTable(qualified(relation: parent), at: context.location(parent)) else { continue }
            for column in table.columns {
                if let index = columns.firstIndex(where: { $0.name == column.name }) {
                    columns[index].isNotNull = columns[index].isNotNull || column.isNotNull
                } else {
                    columns.append(Column(name: column.name, type: column.type, isNotNull: column.isNotNull, hasDefault: column.hasDefault))
                    inherited.insert(column.name)
                }
            }
        }
        var primaryKeys: [(name: String, constraint: ParseNode)] = []
        for element in node.list("tableElts") {
            switch element.kind {
            case "ColumnDef":
                guard let column = makeColumn(element, context) else { continue }
                if let index = columns.firstIndex(where: { $0.name == column.name }) {
                    if inherited.contains(column.name) {
                        // PostgreSQL merges a redeclared inherited column.
                        columns[index].isNotNull = columns[index].isNotNull || column.isNotNull
                        columns[index].hasDefault = columns[index].hasDefault || column.hasDefault
                        inherited.remove(column.name)
                    } else {
                        error("column \"\(column.name)\" specified more than once", at: context.location(element))
                    }
                    continue
                }
                var documented = column
                if let location = element.location { documented.comment = context.commentAbove(offset: location) }
                columns.append(documented)
            case "TableLikeClause":
                guard let source = element.node("relation"),
                    let table = existingTable(qualified(relation: source), at: context.location(source))
                else { continue }
                let options = element.int("options")
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
            case "Constraint":
                if element.enumCase("contype") == "CONSTR_PRIMARY" {
                    primaryKeys += element.names("keys").map { ($0, element) }
                }
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
        add(Table(schema: name.schema, name: name.name, columns: columns, comment: context.leadingComment))
    }

    /// A column from a `ColumnDef`; nil when its type does not resolve (already reported).
    mutating func makeColumn(_ definition: ParseNode, _ context: StatementContext) -> Column? {
        guard let name = definition.string("colname"), let typeName = definition.node("typeName"),
            let type = resolveType(typeName, context)
        else { return nil }
        let names = typeName.names("names")
        let isSerial = names.count == 1 && SQLType.isSerial(names[0])
        var column = Column(name: name, type: type, isNotNull: isSerial, hasDefault: isSerial)
        for constraint in definition.list("constraints") {
            switch constraint.enumCase("contype") {
            case "CONSTR_NOTNULL", "CONSTR_PRIMARY":
                column.isNotNull = true
            case "CONSTR_IDENTITY":
                column.isNotNull = true
                column.hasDefault = true
            case "CONSTR_DEFAULT", "CONSTR_GENERATED":
                column.hasDefault = true
            default:
                break
            }
        }
        return column
    }

    /// ALTER TABLE subcommands that change what the catalog records (others are ignored).
    static let columnChangingSubtypes: Set<String> = [
        "AT_AddColumn", "AT_DropColumn", "AT_AlterColumnType", "AT_SetNotNull", "AT_DropNotNull", "AT_ColumnDefault",
        "AT_AddIdentity", "AT_DropIdentity", "AT_AddConstraint", "AT_AddInherit", "AT_DropInherit", "AT_AddOf", "AT_DropOf",
        "AT_AttachPartition", "AT_DetachPartition",
    ]

    mutating func alterTable(_ node: ParseNode, _ context: StatementContext) {
        switch node.enumCase("objtype") {
        case "OBJECT_TABLE", "OBJECT_FOREIGN_TABLE", nil: break
        case "OBJECT_TYPE": return unsupported("AlterCompositeTypeStmt", context)
        default: return  // indexes, sequences, views (not tracked)
        }
        guard let relation = node.node("relation") else { return }
        let name = qualified(relation: relation)
        if node.bool("missing_ok"), catalog.schemas[name.schema]?.tables[name.name] == nil { return }
        // `ALTER TABLE` also reaches sequences and views (pg_dump's `ALTER TABLE seq OWNER TO …`):
        // only subcommands that change columns need the table to be known.
        let subtypes = node.list("cmds").compactMap { $0.enumCase("subtype") }
        guard subtypes.contains(where: Self.columnChangingSubtypes.contains) else { return }
        guard var table = existingTable(name, at: context.location(relation)) else { return }
        let afterRelation = relation.location
        for command in node.list("cmds") {
            let columnName = command.string("name") ?? ""
            // Computed only for an error: it searches the statement text.
            let columnLocation = { context.location(ofWord: columnName, after: afterRelation) }
            let index = table.columns.firstIndex { $0.name == columnName }
            switch command.enumCase("subtype") {
            case "AT_AddColumn":
                guard let definition = command.node("def"), let column = makeColumn(definition, context) else { continue }
                if table.column(column.name) != nil {
                    if !command.bool("missing_ok") {
                        error("column \"\(column.name)\" of relation \"\(table.name)\" already exists", at: context.location(definition))
                    }
                    continue
                }
                table.columns.append(column)
            case "AT_DropColumn":
                guard let index else {
                    if !command.bool("missing_ok") { error(missingColumnMessage(columnName, of: table), at: columnLocation()) }
                    continue
                }
                table.columns.remove(at: index)
            case "AT_AlterColumnType", "AT_SetNotNull", "AT_DropNotNull", "AT_ColumnDefault", "AT_AddIdentity", "AT_DropIdentity":
                guard let index else {
                    error(missingColumnMessage(columnName, of: table), at: columnLocation())
                    continue
                }
                alterColumn(&table.columns[index], command, context)
            case "AT_AddConstraint":
                guard let constraint = command.node("def"), constraint.enumCase("contype") == "CONSTR_PRIMARY" else { continue }
                for key in constraint.names("keys") {
                    guard let keyIndex = table.columns.firstIndex(where: { $0.name == key }) else {
                        error("column \"\(key)\" named in key does not exist", at: context.location(constraint))
                        continue
                    }
                    table.columns[keyIndex].isNotNull = true
                }
            case "AT_AddInherit", "AT_DropInherit", "AT_AddOf", "AT_DropOf", "AT_AttachPartition", "AT_DetachPartition":
                let subtype = command.enumCase("subtype") ?? ""
                warn("unsupported statement ALTER TABLE (\(subtype.dropFirst(3))) ignored", at: context.location(ofStatementOffset: 0))
            default:
                break  // constraints other than primary keys, indexes, storage, triggers, owners, RLS …
            }
        }
        store(table)
    }

    private mutating func alterColumn(_ column: inout Column, _ command: ParseNode, _ context: StatementContext) {
        switch command.enumCase("subtype") {
        case "AT_AlterColumnType":
            if let typeName = command.node("def")?.node("typeName"), let type = resolveType(typeName, context) {
                column.type = type
            }
        case "AT_SetNotNull": column.isNotNull = true
        case "AT_DropNotNull": column.isNotNull = false
        case "AT_ColumnDefault": column.hasDefault = command.node("def") != nil
        case "AT_AddIdentity":
            column.hasDefault = true
            column.isNotNull = true
        case "AT_DropIdentity": column.hasDefault = false
        default: break
        }
    }

    /// ALTER TABLE … RENAME [COLUMN] / RENAME TO, ALTER TYPE … RENAME TO.
    mutating func rename(_ node: ParseNode, _ context: StatementContext) {
        let newName = node.string("newname") ?? ""
        switch node.enumCase("renameType") {
        case "OBJECT_COLUMN":
            let views = Self.viewKinds.contains(node.enumCase("relationType") ?? "")
            guard views || node.enumCase("relationType") == "OBJECT_TABLE" || node.enumCase("relationType") == "OBJECT_FOREIGN_TABLE",
                let relation = node.node("relation")
            else { return }
            let name = qualified(relation: relation)
            if node.bool("missing_ok"), catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            guard var table = existingTable(name, views: views, at: context.location(relation)) else { return }
            let oldName = node.string("subname") ?? ""
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
            store(table)
        case "OBJECT_TABLE", "OBJECT_FOREIGN_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW":
            guard let relation = node.node("relation") else { return }
            let name = qualified(relation: relation)
            if node.bool("missing_ok"), catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            let views = Self.viewKinds.contains(node.enumCase("renameType") ?? "")
            guard var table = existingTable(name, views: views, at: context.location(relation)) else { return }
            guard catalog.schemas[name.schema]?.tables[newName] == nil else {
                error("relation \"\(newName)\" already exists", at: context.location(ofWord: newName, after: relation.location))
                return
            }
            catalog.schemas[name.schema]?.tables[name.name] = nil
            table.name = newName
            catalog.schemas[name.schema]?.tables[newName] = table
            if let position = catalog.schemas[name.schema]?.tableOrder.firstIndex(of: name.name) {
                catalog.schemas[name.schema]?.tableOrder[position] = newName
            }
        case "OBJECT_TYPE":
            renameType(node, to: newName, context)
        case "OBJECT_SCHEMA", "OBJECT_DOMAIN", "OBJECT_ATTRIBUTE":
            unsupported("RenameStmt", context)
        default:
            break  // indexes, sequences, constraints, triggers, functions (not tracked)
        }
    }

    /// The object kinds of `ALTER VIEW` and `ALTER MATERIALIZED VIEW`.
    static let viewKinds: Set<String> = ["OBJECT_VIEW", "OBJECT_MATVIEW"]

    /// ALTER TABLE/TYPE … SET SCHEMA.
    mutating func setSchema(_ node: ParseNode, _ context: StatementContext) {
        let newSchema = node.string("newschema") ?? ""
        switch node.enumCase("objectType") {
        case "OBJECT_TABLE":
            guard let relation = node.node("relation") else { return }
            let name = qualified(relation: relation)
            if node.bool("missing_ok"), catalog.schemas[name.schema]?.tables[name.name] == nil { return }
            guard var table = existingTable(name, at: context.location(relation)) else { return }
            guard schemaExists(newSchema) else {
                error("schema \"\(newSchema)\" does not exist", at: context.location(ofWord: newSchema, after: relation.location))
                return
            }
            guard catalog.schemas[newSchema]?.tables[table.name] == nil else {
                error("relation \"\(table.name)\" already exists in schema \"\(newSchema)\"", at: context.location(relation))
                return
            }
            removeTable(schema: name.schema, name: name.name)
            table.schema = newSchema
            add(table)
        case "OBJECT_TYPE":
            moveType(node, to: newSchema, context)
        default:
            break
        }
    }

    mutating func removeTable(schema: String, name: String) {
        catalog.schemas[schema]?.tables[name] = nil
        catalog.schemas[schema]?.tableOrder.removeAll { $0 == name }
    }

    /// DROP TABLE / VIEW / TYPE / DOMAIN / SCHEMA; drops of other objects are ignored.
    mutating func drop(_ node: ParseNode, _ context: StatementContext) {
        let missingOK = node.bool("missing_ok")
        for object in node.list("objects") {
            let names = Self.listNames(object)
            switch node.enumCase("removeType") {
            case "OBJECT_TABLE", "OBJECT_FOREIGN_TABLE":
                guard let name = qualified(names) else { continue }
                if let table = catalog.schemas[name.schema]?.tables[name.name], !table.isView {
                    removeTable(schema: name.schema, name: name.name)
                } else if !missingOK {
                    let candidates = catalog.schemas[name.schema]?.tables.values.filter { !$0.isView }.map(\.name).sorted() ?? []
                    error(
                        "table \"\(name.display)\" does not exist\(Suggestion.didYouMean(name.name, among: candidates))",
                        at: context.location(ofWord: name.name, after: 0))
                }
            case "OBJECT_VIEW", "OBJECT_MATVIEW":
                guard let name = qualified(names) else { continue }
                if catalog.schemas[name.schema]?.tables[name.name]?.isView == true {
                    removeTable(schema: name.schema, name: name.name)
                } else if !missingOK {
                    let candidates = catalog.schemas[name.schema]?.tables.values.filter(\.isView).map(\.name).sorted() ?? []
                    error(
                        "\(node.enumCase("removeType") == "OBJECT_MATVIEW" ? "materialized view" : "view") \"\(name.display)\" does not exist"
                            + Suggestion.didYouMean(name.name, among: candidates),
                        at: context.location(ofWord: name.name, after: 0))
                }
            case "OBJECT_TYPE", "OBJECT_DOMAIN":
                guard let name = qualified(names) else { continue }
                if catalog.schemas[name.schema]?.enums[name.name] != nil {
                    catalog.schemas[name.schema]?.enums[name.name] = nil
                    catalog.schemas[name.schema]?.enumOrder.removeAll { $0 == name.name }
                } else if domains[name.schema]?[name.name] != nil {
                    domains[name.schema]?[name.name] = nil
                } else if !missingOK {
                    error("type \"\(name.display)\" does not exist", at: context.location(object))
                }
            case "OBJECT_SCHEMA":
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
