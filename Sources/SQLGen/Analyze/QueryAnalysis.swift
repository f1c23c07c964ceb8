/// The state of analyzing one query: what its parameters' contexts said so far and which
/// `*` of the statement get expanded. Everything else flows through return values.
struct QueryAnalysis: Sendable {
    let catalog: Catalog
    let query: ParsedQuery
    var parameters = ParameterTable()
    var starEdits: [StarEdit] = []
    var highestParameterNumber = 0
    /// `$n` occurrences (by offset) written while their type was open and not resolved by
    /// their context (`$1 IS NULL`, `count($1)`); PostgreSQL rejects them once another use
    /// fixes the type (`check_variable_parameters`).
    var untypedOccurrences: [Int: Int] = [:]

    init(catalog: Catalog, query: ParsedQuery) {
        self.catalog = catalog
        self.query = query
    }

    /// Analyzes the query's statement (its `*` are expanded in the SQL text).
    mutating func analyzeTopLevel(_ statement: ParseNode) throws(AnalysisError) -> StatementShape {
        try analyzeStatement(statement, in: Scope(), isTopLevel: true)
    }

    /// SELECT, INSERT, UPDATE or DELETE (also as a CTE body).
    mutating func analyzeStatement(_ node: ParseNode, in scope: Scope, isTopLevel: Bool) throws(AnalysisError)
        -> StatementShape
    {
        switch node.kind {
        case "SelectStmt", "":
            let result = try analyzeSelect(node, in: scope, isTopLevel: isTopLevel)
            return StatementShape(
                columns: result.columns, hasReturning: true, returnsExactlyOneRow: result.returnsExactlyOneRow)
        case "InsertStmt": return try analyzeInsert(node, in: scope, isTopLevel: isTopLevel)
        case "UpdateStmt": return try analyzeUpdate(node, in: scope, isTopLevel: isTopLevel)
        case "DeleteStmt": return try analyzeDelete(node, in: scope, isTopLevel: isTopLevel)
        default:
            // A statement kind the analysis does not handle: point at the statement itself.
            throw AnalysisError("unsupported construct \(node.kind)", at: isTopLevel ? 0 : node.location)
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

    /// Resolves a catalog table for a RangeVar, with a suggestion when the name is misspelled.
    func lookupTable(_ rangeVar: ParseNode, extraCandidates: [String] = []) throws(AnalysisError) -> Table {
        guard let name = rangeVar.string("relname") else { throw AnalysisError.unsupported(rangeVar, "relation") }
        let schema = rangeVar.string("schemaname")
        if let table = catalog.table(name, schema: schema) { return table }
        let candidates = (catalog.schemas[schema ?? catalog.defaultSchema]?.tables.keys.map { $0 } ?? []) + extraCandidates
        let shown = schema.map { "\($0).\(name)" } ?? name
        throw AnalysisError(
            "relation \"\(shown)\" does not exist" + Suggestion.didYouMean(name, among: candidates), at: rangeVar)
    }

    /// A SQL type named in a cast or a declaration (`bigint`, `varchar(10)[]`, an enum).
    func resolveTypeName(_ typeName: ParseNode) throws(AnalysisError) -> SQLType {
        var names = typeName.names("names")
        if names.first == "pg_catalog", names.count > 1 { names.removeFirst() }
        guard let last = names.last else { throw AnalysisError.unsupported(typeName, "type name") }
        if typeName.bool("setof") || typeName.fields["pct_type"] != nil {
            throw AnalysisError.unsupported(typeName, "type name")
        }
        let schema = names.count > 1 ? names[names.count - 2] : nil
        var type: SQLType
        if schema == nil, let builtin = SQLType.builtin(last) {
            type = builtin
        } else if let enumType = catalog.enumType(last, schema: schema) {
            type = enumType.sqlType
        } else {
            throw AnalysisError("type \"\(names.joined(separator: "."))\" does not exist", at: typeName)
        }
        if !typeName.list("arrayBounds").isEmpty { type = type.array }
        return type
    }

    /// Notes a use of `$n`.
    mutating func noteParameter(_ number: Int, at location: Int?) {
        highestParameterNumber = max(highestParameterNumber, number)
        parameters.noteUse(number, at: location)
    }

    /// Gives an untyped parameter or literal the type its context requires: the parameter's
    /// type is fixed (first context wins), a literal just takes the type.
    mutating func resolve(
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
}
