/// A query after analysis: everything the emitter and `describe --json` need, with every
/// name resolved and every parameter and result column typed.
public struct AnalyzedQuery: Sendable, Hashable {
    public var name: String
    public var command: ParsedQuery.Command
    /// The query file's path (relative to the config file's folder).
    public var file: String
    /// Line of the `-- name:` annotation.
    public var line: Int
    public var docComment: [String]
    /// The SQL sent to PostgreSQL: parameters as `$n`, `*` and `t.*` expanded to column lists,
    /// whitespace kept as written, no trailing semicolon.
    public var sql: String
    /// Parameters in `$n` order: `parameters[0].number == 1`.
    public var parameters: [QueryParameter]
    /// Result columns in order; empty for statements that return no rows.
    public var columns: [ResultColumn]
    /// True when the statement provably yields exactly one row (INSERT … VALUES (one row)
    /// without ON CONFLICT, an aggregate-only SELECT without GROUP BY/HAVING), so `:one`
    /// returns `T` instead of `T?`.
    public var returnsExactlyOneRow: Bool
    /// Where a `:copyfrom` query's rows go; nil for every other command.
    public var copyFrom: CopyFromTarget? = nil
    /// The statement as the user wrote it (macros rewritten, `*` not expanded) and the way back
    /// to the file, for tools that report positions in it (`verify`); nil for a query made in code.
    public var written: WrittenQuery? = nil

    /// Where diagnostics about the whole query point: its `-- name:` annotation.
    public var annotationLocation: SourceLocation {
        written?.annotation ?? SourceLocation(file: file, line: line, column: 1)
    }
}

/// Where an analyzed query came from: its annotation and its text before `*` expansion.
public struct WrittenQuery: Sendable, Hashable {
    /// The `-- name:` annotation.
    public var annotation: SourceLocation
    /// `ParsedQuery.sql`: offsets in it map to the file through `sourceMap`.
    public var sql: String
    public var sourceMap: SourceMap
}

/// A `$n` parameter with the type PostgreSQL itself would infer for it when preparing the
/// statement (`owner = $1` against a varchar column gives `text`; an INSERT or SET target gives
/// the column's type; `LIMIT $1` gives `bigint`).
public struct QueryParameter: Sendable, Hashable {
    /// 1-based `$n` number.
    public var number: Int
    /// From the macro (`@owner`), else from the context (the compared or assigned column), else `p<n>`.
    public var name: String
    public var type: SQLType
    /// True for `sqlc.narg`, and for parameters assigned to nullable columns (INSERT values, SET).
    public var isNullable: Bool
    /// The column the parameter is compared with or assigned to, when there is one; overrides
    /// configured per column apply through it.
    public var column: ColumnReference?
    /// A Swift type the query file names for it (`-- @param note: Note`).
    public var swiftTypeHint: String? = nil

}

/// A result column: its output name, type, nullability and, when it is a plain table column,
/// where it comes from.
public struct ResultColumn: Sendable, Hashable {
    /// The output name PostgreSQL gives it (`id`, `count`, an alias, `?column?`).
    public var name: String
    public var type: SQLType
    public var isNullable: Bool
    /// Set when the column is a table's column read unchanged (possibly made nullable by an
    /// outer join): the emitter returns a table's model when the columns are exactly its columns.
    public var source: ColumnReference?
    /// Set on each column a `sqlc.embed(t)` stands for: the emitter groups them into one
    /// property holding the table's model.
    public var embed: ResultEmbed? = nil
    /// A Swift type the query file names for it (`AS "note: Note"`).
    public var swiftTypeHint: String? = nil

}

/// The `sqlc.embed(t)` a result column belongs to.
public struct ResultEmbed: Sendable, Hashable {
    /// The FROM item's reference name (`t`: the table's name or its alias).
    public var name: String
    /// The table or view whose model holds the columns.
    public var relation: RelationName
    /// True when the table's row may be missing (it is on the nullable side of an outer join
    /// that nothing in WHERE rules out): the property is then optional.
    public var isOptional: Bool
}

/// A table or view of the catalog, by schema and name.
public struct RelationName: Sendable, Hashable {
    public var schema: String
    public var name: String
}

/// A column of a catalog table or view.
public struct ColumnReference: Sendable, Hashable {
    public var schema: String
    public var table: String
    public var column: String

}
