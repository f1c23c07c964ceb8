/// One DDL statement of a migration file, parsed, with the way back to its file.
public struct SchemaStatement: Sendable, Hashable {
    /// The statement's root node (`CreateStmt`, `AlterTableStmt`, …).
    public var node: PG.Node
    /// Maps the node's locations (offsets into `text`) to the migration file.
    public var sourceMap: SourceMap
    /// The statement's own text.
    public var text: String
    /// The `--` comment lines directly above the statement, without the markers.
    public var leadingComments: [String] = []
    /// Found inside a `DO` block (`DO $$ BEGIN CREATE TYPE … EXCEPTION WHEN duplicate_object …`),
    /// which may skip it or catch its error: it is applied, but its errors are not reported.
    public var isInsideDoBlock = false

}
