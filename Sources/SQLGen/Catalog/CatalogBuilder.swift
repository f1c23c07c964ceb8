/// The Catalog stage: applies the schema files' DDL in order to an empty database and returns
/// the resulting `Catalog`.
///
/// Statements that do not change what queries can see (indexes, grants, functions, `SET` …)
/// are ignored silently; other unsupported ones produce a warning, never a crash.
public enum CatalogBuilder {
    /// - Parameter viewColumns: types a view's query; without it, views are skipped with a warning.
    public static func build(
        _ statements: [SchemaStatement], viewColumns: ViewColumnsResolver? = nil
    ) -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        var state = CatalogState()
        state.viewColumns = viewColumns
        for statement in statements {
            let reported = state.diagnostics.count
            state.apply(statement)
            // A DO block catches (or avoids) the errors of the statements it runs.
            if statement.isInsideDoBlock { state.diagnostics.removeSubrange(reported...) }
        }
        // Queries run on new connections, with PostgreSQL's default search path.
        state.catalog.searchPath = [state.catalog.defaultSchema]
        return (state.catalog, state.diagnostics)
    }
}

/// The catalog under construction, plus what only the construction needs.
struct CatalogState {
    var catalog: Catalog
    var diagnostics: [Diagnostic] = []
    /// The catalog's domains (schema → name → base type), which the DDL updates in place.
    var domains: [String: [String: SQLType]] {
        get { catalog.domains }
        _modify { yield &catalog.domains }
    }
    /// Extensions created so far (`CREATE EXTENSION hstore`): their types are not known here,
    /// so once one exists an unknown type name is taken as an extension's type, not an error.
    var extensions: Set<String> = []
    /// Types the query of a `CREATE VIEW`.
    var viewColumns: ViewColumnsResolver?

    init() {
        catalog = Catalog()
        catalog.schemas["pg_catalog"] = Catalog.Schema(name: "pg_catalog")
    }

    /// How warnings name statements we do not handle, by `PG.Node.kindName`.
    static let statementNames: [String: String] = [
        PG.AlterTableStmt.kindName: "ALTER TABLE", PG.ImportForeignSchemaStmt.kindName: "IMPORT FOREIGN SCHEMA",
    ]

    /// CREATE EXTENSION [IF NOT EXISTS] name [SCHEMA s] [CASCADE]: its objects become known in
    /// that schema (the default schema otherwise).
    mutating func createExtension(_ create: PG.CreateExtensionStmt) {
        guard let name = create.extname else { return }
        extensions.insert(name)
        var schema = creationSchema
        for case .defElem(let option) in create.options where option.defname == "schema" {
            if case .string(let value)? = option.arg, let given = value.sval { schema = given }
        }
        if catalog.extensions[name] == nil { catalog.extensions[name] = schema }
    }

    mutating func apply(_ statement: SchemaStatement) {
        let node = statement.node
        let context = StatementContext(statement: statement)
        switch node {
        case .createStmt(let create): createTable(create, context)
        case .createForeignTableStmt(let create):
            if let base = create.base { createTable(base, context) }
        case .alterTableStmt(let alter): alterTable(alter, context)
        case .renameStmt(let rename): self.rename(rename, context)
        case .alterObjectSchemaStmt(let move): setSchema(move, context)
        case .dropStmt(let drop): self.drop(drop, context)
        case .createEnumStmt(let create): createEnum(create, context)
        case .compositeTypeStmt(let create): createCompositeType(create, context)
        case .createRangeStmt(let create): createRange(create, context)
        case .alterEnumStmt(let alter): alterEnum(alter, context)
        case .createDomainStmt(let create): createDomain(create, context)
        case .createSchemaStmt(let create):
            let existed = create.schemaname.map { catalog.schemas[$0] != nil } ?? true
            createSchema(create, context)
            // CREATE SCHEMA s CREATE TABLE t … CREATE VIEW v …: the elements are created in s
            // (and not at all when s existed already).
            if let name = create.schemaname, !existed, !create.schemaElts.isEmpty {
                let searchPath = catalog.searchPath
                catalog.searchPath = [name]
                for element in create.schemaElts {
                    var inner = statement
                    inner.node = element
                    apply(inner)
                }
                catalog.searchPath = searchPath
            }
        case .commentStmt(let comment): self.comment(comment, context)
        case .createExtensionStmt(let create):
            createExtension(create)
        case .viewStmt(let view): createView(view, context)
        case .createFunctionStmt(let create): createFunction(create, context)
        case .createSeqStmt(let create):
            if let relation = create.sequence {
                let name = qualified(relation: relation)
                catalog.schemas[name.schema]?.sequences.insert(name.name)
            }
        case .createTableAsStmt(let create): createTableAs(create, context)
        case .variableSetStmt(let set) where set.name == "search_path": setSearchPath(set)
        case .selectStmt(let select) where Self.searchPathConfig(select) != nil:
            catalog.searchPath = Self.searchPathConfig(select) ?? []
        case .indexStmt(let index) where index.unique: createUniqueIndex(index)
        // Statements that cannot change the shape of tables or types as queries see them.
        case .indexStmt, .alterDomainStmt, .alterExtensionStmt, .alterExtensionContentsStmt, .alterSeqStmt,
            .alterFunctionStmt, .createTrigStmt, .grantStmt, .grantRoleStmt,
            .alterDefaultPrivilegesStmt, .doStmt, .variableSetStmt, .variableShowStmt, .selectStmt, .insertStmt,
            .updateStmt, .deleteStmt, .mergeStmt, .transactionStmt, .alterOwnerStmt, .createRoleStmt, .alterRoleStmt,
            .alterRoleSetStmt, .dropRoleStmt, .createPolicyStmt, .alterPolicyStmt, .ruleStmt, .createCastStmt,
            .clusterStmt, .vacuumStmt, .createOpClassStmt, .createOpFamilyStmt, .alterOpFamilyStmt, .defineStmt,
            .createEventTrigStmt, .alterEventTrigStmt, .createStatsStmt, .alterStatsStmt, .secLabelStmt,
            .createPublicationStmt, .alterPublicationStmt, .createSubscriptionStmt, .alterSubscriptionStmt,
            .dropSubscriptionStmt, .lockStmt, .notifyStmt, .listenStmt, .unlistenStmt, .callStmt,
            .createConversionStmt, .createTableSpaceStmt, .alterDatabaseSetStmt, .alterDatabaseStmt, .createdbStmt,
            .checkPointStmt, .discardStmt, .reindexStmt, .refreshMatViewStmt, .createPlangStmt, .copyStmt,
            .explainStmt, .prepareStmt, .executeStmt, .deallocateStmt, .alterCollationStmt, .createTransformStmt,
            .createForeignServerStmt, .alterForeignServerStmt, .createFdwStmt, .alterFdwStmt, .createUserMappingStmt,
            .alterUserMappingStmt, .dropUserMappingStmt, .alterObjectDependsStmt, .alterOperatorStmt,
            .alterTsconfigurationStmt, .alterTsdictionaryStmt, .truncateStmt, .constraintsSetStmt, .loadStmt,
            .dropOwnedStmt, .reassignOwnedStmt, .createAmStmt, .alterSystemStmt, .dropTableSpaceStmt, .dropdbStmt:
            return
        default:
            unsupported(node.kindName, context)
        }
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// `what` is a statement's `PG.Node.kindName` (named through `statementNames`) or the
    /// construct's own description.
    mutating func unsupported(_ what: String, _ context: StatementContext) {
        let name = Self.statementNames[what] ?? what
        warn("unsupported statement \(name) ignored", at: context.location(ofStatementOffset: 0))
    }
}

/// One statement being applied: its text and the way back to its file.
struct StatementContext {
    var statement: SchemaStatement

    func location(_ node: PG.Node?) -> SourceLocation {
        statement.sourceMap.location(of: node)
    }

    func location(_ node: (some PG.NodeView)?) -> SourceLocation {
        statement.sourceMap.location(of: node)
    }

    func location(ofStatementOffset offset: Int) -> SourceLocation {
        statement.sourceMap.location(ofStatementOffset: offset)
    }

    /// The location of the first whole-word, case-insensitive occurrence of `word` at or after
    /// `offset` (for names the parse tree gives no location, e.g. `DROP COLUMN x`), else of `offset`.
    func location(ofWord word: String, after offset: Int?) -> SourceLocation {
        let bytes = Array(statement.text.lowercased().utf8)
        let target = Array(word.lowercased().utf8)
        var index = offset ?? 0
        while !target.isEmpty, index + target.count <= bytes.count {
            let before = index == 0 ? UInt8(ascii: " ") : bytes[index - 1]
            let after = index + target.count < bytes.count ? bytes[index + target.count] : UInt8(ascii: " ")
            if bytes[index..<index + target.count].elementsEqual(target), !SQLTrivia.isIdentifierByte(before),
                !SQLTrivia.isIdentifierByte(after)
            {
                return location(ofStatementOffset: before == UInt8(ascii: "\"") ? index - 1 : index)
            }
            index += 1
        }
        return location(ofStatementOffset: offset ?? 0)
    }

    /// The `--` comment lines right above the statement, joined; nil when there are none.
    var leadingComment: String? {
        statement.leadingComments.isEmpty ? nil : statement.leadingComments.joined(separator: "\n")
    }

    /// The `--` lines directly above the line holding `offset` (a column definition inside
    /// CREATE TABLE), when nothing but whitespace precedes `offset` on its line.
    func commentAbove(offset: Int) -> String? {
        let bytes = Array(statement.text.utf8)
        guard offset <= bytes.count else { return nil }
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") {
            lineStart -= 1
            guard bytes[lineStart] == 0x20 || bytes[lineStart] == 0x09 else { return nil }
        }
        var lines: [String] = []
        var end = lineStart - 1  // the '\n' ending the previous line
        while end > 0 {
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self).drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("--") else { break }
            var text = line.dropFirst(2)
            if text.first == " " { text = text.dropFirst() }
            lines.append(String(text).trimmingTrailingWhitespace)
            end = start - 1
        }
        return lines.isEmpty ? nil : lines.reversed().joined(separator: "\n")
    }
}
