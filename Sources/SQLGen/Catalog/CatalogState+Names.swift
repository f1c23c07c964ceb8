/// Resolving the names DDL mentions: relations, types, schemas.
extension CatalogState {
    /// A possibly schema-qualified name, as written and as resolved.
    struct QualifiedName: Hashable {
        var schema: String
        var name: String
        /// As PostgreSQL's messages print it: qualified only when the user qualified it.
        var display: String

        /// `schema.name`, as `Table.dependsOn` records relations.
        var key: String { "\(schema).\(name)" }
    }

    func qualified(_ names: [String]) -> QualifiedName? {
        switch names.count {
        case 1: return QualifiedName(schema: schema(resolving: names[0]), name: names[0], display: names[0])
        case 2: return QualifiedName(schema: names[0], name: names[1], display: "\(names[0]).\(names[1])")
        case 3: return QualifiedName(schema: names[1], name: names[2], display: "\(names[1]).\(names[2])")  // db.schema.name
        default: return nil
        }
    }

    /// The name of a `RangeVar` (`relation` of CREATE/ALTER TABLE).
    func qualified(relation: PG.RangeVar) -> QualifiedName {
        let name = relation.relname ?? ""
        if let schema = relation.schemaname {
            return QualifiedName(schema: schema, name: name, display: "\(schema).\(name)")
        }
        return QualifiedName(schema: schema(resolving: name), name: name, display: name)
    }

    /// The schema an unqualified name means: the first schema on the search path that has an
    /// object of that name, else the one new objects are created in (the first that exists).
    func schema(resolving name: String) -> String {
        let found = catalog.searchPath.first { schemaName in
            guard let schema = catalog.schemas[schemaName] else { return false }
            return schema.tables[name] != nil || schema.enums[name] != nil || schema.sequences.contains(name)
                || schema.compositeTypes[name] != nil || schema.ranges[name] != nil
                || domains[schemaName]?[name] != nil
        }
        return found ?? creationSchema
    }

    /// Where `CREATE TABLE t` puts `t`: the first schema of the search path that exists.
    var creationSchema: String {
        catalog.searchPath.first { catalog.schemas[$0] != nil } ?? catalog.defaultSchema
    }

    /// The names of a `List` node (`DROP TABLE a.b`, `COMMENT ON TABLE a.b`).
    static func listNames(_ node: PG.Node?) -> [String] {
        switch node {
        case .list(let list): list.items.names
        case .typeName(let typeName): typeName.names.names
        case .string(let string): string.sval.map { [$0] } ?? []
        default: []
        }
    }

    func schemaExists(_ name: String) -> Bool { catalog.schemas[name] != nil }

    /// The table (or, with `views`, the view), or an error (with a suggestion) at `location`; nil then.
    mutating func existingTable(_ name: QualifiedName, views: Bool = false, at location: SourceLocation) -> Table? {
        if let table = catalog.schemas[name.schema]?.tables[name.name], table.isView == views { return table }
        let candidates = catalog.schemas[name.schema]?.tables.values.filter { $0.isView == views }.map(\.name) ?? []
        error("relation \"\(name.display)\" does not exist\(Suggestion.didYouMean(name.name, among: candidates.sorted()))", at: location)
        return nil
    }

    /// The name `CREATE TABLE` / `CREATE TABLE AS` gives `relation`, or nil when nothing is to be
    /// created: its schema is missing or the name is taken (both errors), or the name is taken
    /// and the statement says IF NOT EXISTS.
    mutating func newRelationName(_ relation: PG.RangeVar, ifNotExists: Bool, _ context: StatementContext) -> QualifiedName? {
        let name = qualified(relation: relation)
        guard schemaExists(name.schema) else {
            error("schema \"\(name.schema)\" does not exist", at: context.location(relation))
            return nil
        }
        if catalog.schemas[name.schema]?.tables[name.name] != nil {
            if !ifNotExists { error("relation \"\(name.display)\" already exists", at: context.location(relation)) }
            return nil
        }
        return name
    }

    /// Adds a new table or view, after the ones created before it.
    mutating func add(_ table: Table) {
        catalog.schemas[table.schema]?.tables[table.name] = table
        catalog.schemas[table.schema]?.tableOrder.append(table.name)
    }

    /// Replaces a table in place (tables are values).
    mutating func store(_ table: Table) {
        catalog.schemas[table.schema]?.tables[table.name] = table
    }

    /// `column "x" of relation "t" does not exist (did you mean "y"?)`.
    func missingColumnMessage(_ column: String, of table: Table) -> String {
        "column \"\(column)\" of relation \"\(table.name)\" does not exist\(Suggestion.didYouMean(column, among: table.columns.map(\.name)))"
    }

    /// PostgreSQL's built-in types that `SQLType.builtinAliases` leaves out (rarely used in
    /// tables); their canonical names are their spellings.
    static let otherBuiltinTypes: Set<String> = [
        "jsonpath", "pg_lsn", "pg_snapshot", "txid_snapshot", "xid", "xid8", "cid", "tid", "regproc", "regprocedure",
        "regoper", "regoperator", "regtype", "regrole", "regnamespace", "regconfig", "regdictionary", "regcollation",
        "refcursor", "int2vector", "oidvector", "aclitem", "int4multirange", "int8multirange", "nummultirange",
        "tsmultirange", "tstzmultirange", "datemultirange",
    ]

    /// The type a `TypeName` node names, or nil after reporting `type "x" does not exist`.
    mutating func resolveType(_ typeName: PG.TypeName, _ context: StatementContext, allowingSetOf: Bool = false) -> SQLType? {
        let names = typeName.names.names
        let isArray = !typeName.arrayBounds.isEmpty
        let at = context.location(typeName)
        if (typeName.setof && !allowingSetOf) || typeName.pctType {
            error("unsupported construct: \(typeName.setof ? "SETOF" : "%TYPE") in a column type", at: at)
            return nil
        }
        var resolved: SQLType?
        if names.count == 2, names[0] == "pg_catalog" {
            resolved = SQLType.builtin(names[1])
        } else if let name = qualified(names) {
            if names.count == 1 { resolved = SQLType.builtin(name.name) }
            if resolved == nil {
                if let found = catalog.schemas[name.schema]?.enums[name.name] {
                    resolved = found.sqlType
                } else if let domain = domains[name.schema]?[name.name] {
                    resolved = domain
                } else if let schema = catalog.schemas[name.schema],
                    schema.compositeTypes[name.name] != nil || schema.ranges[name.name] != nil
                {
                    resolved = SQLType(name: name.name, schema: name.schema)
                } else if let range = catalog.schemas[name.schema]?.ranges.values.first(where: {
                    $0.multirange.name == name.name
                }) {
                    resolved = range.multirange
                } else if let table = catalog.schemas[name.schema]?.tables[name.name] {
                    resolved = table.rowType
                } else if names.count == 1, let builtin = BuiltinCatalog.postgres.adding(extensions: catalog.extensions).type(named: name.name) {
                    resolved = builtin
                }
            }
        }
        if resolved == nil, names.count == 1 || names.first == "pg_catalog",
            let last = names.last, Self.otherBuiltinTypes.contains(last) || (names.count == 1 && !extensions.isEmpty)
        {
            // A real type without a Swift mapping: the emitter asks for an override if it is used.
            resolved = SQLType(name: last)
        }
        if let resolved { return isArray ? resolved.array : resolved }
        let written = names.joined(separator: ".")
        let last = names.last ?? ""
        var candidates = SQLType.builtinAliases.keys.filter { !$0.contains(" ") }
        if let schema = qualified(names)?.schema {
            candidates += catalog.schemas[schema]?.enums.keys.map { $0 } ?? []
            candidates += domains[schema]?.keys.map { $0 } ?? []
        }
        error("type \"\(written)\" does not exist\(Suggestion.didYouMean(last, among: candidates.sorted()))", at: at)
        return nil
    }

    /// Rewrites every column whose type is `old` (an enum that was renamed or moved) to `new`.
    mutating func retypeColumns(from old: SQLType, to new: SQLType) {
        for schemaName in catalog.schemas.keys {
            for tableName in catalog.schemas[schemaName]?.tables.keys.map({ $0 }) ?? [] {
                guard var table = catalog.schemas[schemaName]?.tables[tableName] else { continue }
                var changed = false
                for index in table.columns.indices where table.columns[index].type.element == old {
                    table.columns[index].type = table.columns[index].type.isArray ? new.array : new
                    changed = true
                }
                if changed { catalog.schemas[schemaName]?.tables[tableName] = table }
            }
        }
        for schemaName in domains.keys {
            for (name, type) in domains[schemaName] ?? [:] where type.element == old {
                domains[schemaName]?[name] = type.isArray ? new.array : new
            }
        }
    }
}
