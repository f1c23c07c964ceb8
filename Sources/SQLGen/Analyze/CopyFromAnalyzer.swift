/// What a `:copyfrom` query's rows are copied into: the table and columns of its INSERT, and
/// which parameter fills each column. The generated method streams its rows through
/// `COPY table (columns) FROM STDIN` instead of running the INSERT once per row.
public struct CopyFromTarget: Sendable, Hashable {
    /// The schema as the INSERT names it; nil when it names none, so that COPY finds the table on
    /// the connection's search path as the INSERT would.
    public var schema: String?
    public var table: String
    /// The INSERT's columns, in its order (the table's columns when it names none).
    public var columns: [String]
    /// `parameterNumbers[i]` is the `$n` whose value goes to `columns[i]`.
    public var parameterNumbers: [Int]
}

/// Checks that a `:copyfrom` statement is what COPY can do, as sqlc requires: `INSERT INTO t
/// [(columns)] VALUES ($1, $2, …)`, one row of bare parameters, nothing else.
struct CopyFromAnalyzer {
    let context: AnalysisContext

    func target(of statement: PG.Node) throws(AnalysisError) -> CopyFromTarget {
        let shape = "write INSERT INTO table (columns) VALUES ($1, $2, …) with one row of parameters"
        guard case .insertStmt(let insert) = statement, let relation = insert.relation else {
            throw AnalysisError(":copyfrom works only with INSERT; \(shape)", at: statement)
        }
        func reject(_ what: String, at node: PG.Node?) -> AnalysisError {
            AnalysisError(":copyfrom cannot copy \(what): COPY inserts plain values; \(shape)", at: node ?? statement)
        }
        if let with = insert.withClause { throw reject("a WITH clause", at: with.asNode) }
        if let onConflict = insert.onConflictClause { throw reject("ON CONFLICT", at: onConflict.asNode) }
        if let returning = insert.returningList.first { throw reject("RETURNING", at: returning) }
        guard case .selectStmt(let select)? = insert.selectStmt, select.valuesLists.count == 1,
            case .list(let row) = select.valuesLists[0]
        else {
            throw reject(
                insert.selectStmt == nil ? "DEFAULT VALUES" : "the rows of a query or several VALUES rows",
                at: insert.selectStmt)
        }
        let table = try context.lookupTable(relation)
        if table.isView { throw AnalysisError(":copyfrom cannot copy into view \"\(table.name)\"; name its table", at: relation.asNode) }
        var numbers: [Int] = []
        for item in row.items {
            guard case .paramRef(let parameter) = item else {
                throw reject("an expression (only a parameter such as $1 or @name can be a column's value)", at: item)
            }
            numbers.append(parameter.number)
        }
        let columns: [String] =
            insert.cols.isEmpty
            ? table.columns.prefix(numbers.count).map(\.name)
            : try insert.cols.map { entry throws(AnalysisError) in
                try AssignmentAnalyzer.column(namedBy: entry, in: table, clause: "INSERT").column.name
            }
        return CopyFromTarget(schema: relation.schemaname, table: table.name, columns: columns, parameterNumbers: numbers)
    }
}
