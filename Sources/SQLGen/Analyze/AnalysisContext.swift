/// The state of analyzing one query, shared by every concern of the analysis (`AnalysisPass`):
/// what its parameters' contexts said so far and which `*` of the statement get expanded.
/// Everything else flows through return values.
///
/// One context serves one query on one thread: it is a class so that the expression typer and
/// the statement analyzers, which call each other recursively (a subquery inside an expression
/// inside a subquery), update the same parameter table without threading it through every call.
final class AnalysisContext {
    let catalog: Catalog
    /// PostgreSQL's own catalog with the schema's extensions.
    let builtins: BuiltinCatalog
    let coercion: TypeCoercion
    let query: ParsedQuery
    var parameters = ParameterTable()
    var starEdits: [StarEdit] = []
    var highestParameterNumber = 0
    /// `$n` occurrences (by offset) written while their type was open and not resolved by
    /// their context (`$1 IS NULL`, `count($1)`); PostgreSQL rejects them once another use
    /// fixes the type (`check_variable_parameters`).
    var untypedOccurrences: [Int: Int] = [:]

    /// Shared by the queries of one schema.
    let operatorCache: OperatorResolutionCache

    init(
        catalog: Catalog, builtins: BuiltinCatalog, query: ParsedQuery,
        operatorCache: OperatorResolutionCache = OperatorResolutionCache()
    ) {
        self.catalog = catalog
        self.builtins = builtins
        self.coercion = TypeCoercion(builtins: builtins, catalog: catalog)
        self.query = query
        self.operatorCache = operatorCache
    }

    /// PostgreSQL's choice for `left op right` (or the prefix `op right`), resolved once per schema.
    func resolveOperator(_ name: String, left: SQLType?, right: SQLType)
        -> Result<OperatorResolver.Resolved, FunctionResolver.Failure>
    {
        operatorCache.resolve(name, left: left, right: right, with: OperatorResolver(coercion: coercion))
    }

    /// Notes a use of `$n`.
    func noteParameter(_ number: Int, at location: Int?) {
        highestParameterNumber = max(highestParameterNumber, number)
        parameters.noteUse(number, at: location)
    }

    /// Gives an untyped parameter or literal the type its context requires: the parameter's
    /// type is fixed (first context wins), a literal just takes the type.
    func resolve(
        _ expression: inout TypedExpression, to type: SQLType, name: String? = nil, column: ColumnReference? = nil,
        nullable: Bool = false
    ) throws(AnalysisError) {
        if let number = expression.unknownParameter, let fixed = parameters.type(of: number), fixed != type {
            // This use was still untyped when written, but another use fixed the type since
            // (`SELECT $1, id … WHERE id = $1`): PostgreSQL rejects the statement.
            throw AnalysisError("inconsistent types deduced for parameter $\(number)", at: expression.parameterLocation)
        }
        if expression.unknownParameter != nil, let location = expression.parameterLocation {
            untypedOccurrences[location] = nil
        }
        if let number = expression.unknownParameter ?? expression.parameterNumber {
            parameters.bind(number, type: type, name: name, column: column, nullable: nullable)
            expression.type = parameters.type(of: number) ?? type
            expression.unknownParameter = nil
            expression.isNullable = expression.isNullable || nullable
        } else if expression.isUnknownLiteral {
            expression.type = type
            expression.isUnknownLiteral = false
        }
    }

    /// After the whole statement: an occurrence left untyped while the parameter got a type
    /// elsewhere is an error in PostgreSQL (`$1 IS NULL OR owner = $1`; the cast form
    /// `$1::text IS NULL OR owner = $1` is fine).
    func checkUntypedOccurrences() throws(AnalysisError) {
        for (location, number) in untypedOccurrences.sorted(by: { $0.key < $1.key }) where parameters.type(of: number) != nil {
            throw AnalysisError("could not determine data type of parameter $\(number)", at: location)
        }
    }

    /// Records the replacement of the star ColumnRef at `location` by `columns` (qualified
    /// when `qualifier` is non-nil), so the SQL sent names exactly the decoded columns.
    func recordStarExpansion(at location: Int?, columns: [(qualifier: String?, name: String)]) {
        guard let location, !columns.isEmpty, let range = StarExpansion.starRange(in: query.sql, from: location) else {
            return
        }
        // Columns that cannot be named apart (`SELECT * FROM (SELECT 1, 2) s` has two
        // "?column?") would make the explicit list ambiguous: keep the star then.
        var seen: Set<String> = []
        for column in columns where !seen.insert("\(column.qualifier ?? "")\u{0}\(column.name)").inserted {
            return
        }
        let list = columns.map { column in
            let name = StarExpansion.quoteIdentifier(column.name)
            return column.qualifier.map { "\(StarExpansion.quoteIdentifier($0)).\(name)" } ?? name
        }
        starEdits.append(StarEdit(range: range, columns: list))
    }
}

extension AnalysisContext {
    /// The catalog table a RangeVar names, with a suggestion when the name is misspelled.
    func lookupTable(_ rangeVar: PG.RangeVar, extraCandidates: [String] = []) throws(AnalysisError) -> Table {
        guard let name = rangeVar.relname else { throw AnalysisError.unsupported(rangeVar.asNode, "relation") }
        let schema = rangeVar.schemaname
        if let table = catalog.table(name, schema: schema) ?? catalog.sequence(name, schema: schema) { return table }
        // PostgreSQL's own relations (pg_catalog is always searched) and extensions' views.
        if let table = builtins.relations[schema ?? "pg_catalog"]?[name] { return table }
        if schema == nil, let table = catalog.extensions.values.lazy.compactMap({ self.builtins.relations[$0]?[name] }).first {
            return table
        }
        let candidates = (catalog.schemas[schema ?? catalog.defaultSchema]?.tables.keys.map { $0 } ?? []) + extraCandidates
        let shown = schema.map { "\($0).\(name)" } ?? name
        throw AnalysisError(
            "relation \"\(shown)\" does not exist" + Suggestion.didYouMean(name, among: candidates), at: rangeVar.location)
    }

    /// The table whose row type `type` is, if it is one.
    func compositeTable(_ type: SQLType) -> Table? {
        guard !type.isArray else { return nil }
        if let schema = type.schema {
            return catalog.table(type.name, schema: schema) ?? catalog.compositeType(type.name, schema: schema)
        }
        return builtins.relations["pg_catalog"]?[type.name]
    }

    /// A SQL type named in a cast or a declaration (`bigint`, `varchar(10)[]`, an enum).
    func resolveTypeName(_ typeName: PG.TypeName) throws(AnalysisError) -> SQLType {
        var names = typeName.names.names
        if names.first == "pg_catalog", names.count > 1 { names.removeFirst() }
        guard let last = names.last, !typeName.setof, !typeName.pctType else {
            throw AnalysisError.unsupported(typeName.asNode, "type name")
        }
        let schema = names.count > 1 ? names[names.count - 2] : nil
        var type: SQLType
        if schema == nil, let builtin = SQLType.builtin(last) ?? builtins.type(named: last) {
            type = builtin
        } else if let enumType = catalog.enumType(last, schema: schema) {
            type = enumType.sqlType
        } else if let composite = catalog.compositeType(last, schema: schema) {
            type = composite.rowType
        } else if let range = catalog.allRanges.first(where: {
            ($0.type.name == last || $0.multirange.name == last) && (schema == nil || $0.type.schema == schema)
        }) {
            type = range.type.name == last ? range.type : range.multirange
        } else if let base = catalog.domain(last, schema: schema) {
            // PostgreSQL sends and describes a domain's values as its base type.
            type = base
        } else if let table = catalog.table(last, schema: schema) ?? builtins.relations[schema ?? "pg_catalog"]?[last] {
            type = table.rowType
        } else {
            throw AnalysisError("type \"\(names.joined(separator: "."))\" does not exist", at: typeName.location)
        }
        if !typeName.arrayBounds.isEmpty { type = type.array }
        return type
    }
}
