/// A query of a query file after the Parse stage: its annotation, doc comment, the SQL with
/// every macro rewritten to a positional parameter, and that SQL's parse tree.
///
/// ```sql
/// -- Accounts of one owner, newest first.
/// -- name: ListAccounts :many
/// SELECT * FROM accounts WHERE owner = @owner ORDER BY id LIMIT sqlc.arg(page_size);
/// ```
/// becomes `name == "ListAccounts"`, `command == .many`, `docComment == ["Accounts of one owner, newest first."]`,
/// `sql == "SELECT * FROM accounts WHERE owner = $1 ORDER BY id LIMIT $2"` and
/// `namedParameters == [1: .init(name: "owner"), 2: .init(name: "page_size")]`.
public struct ParsedQuery: Sendable, Hashable {
    /// What the generated method returns (`-- name: X :one`).
    public enum Command: String, Sendable, Hashable, CaseIterable, Codable {
        /// At most one row: `T?` (or `T` when the statement provably yields one row).
        case one
        /// Any number of rows: `[T]`.
        case many
        /// No result: `Void`.
        case exec
        /// The number of rows affected.
        case execrows
        /// PostgreSQL's command tag: the command and the rows it affected.
        case execresult
        /// Many rows inserted through `COPY … FROM STDIN`; returns the number of rows copied.
        case copyfrom
        /// A batch of `:exec`s: one result per item, run in order on one connection.
        case batchexec
        /// A batch of `:many`s.
        case batchmany
        /// A batch of `:one`s.
        case batchone

        /// The single-item command a batch runs for each item (`:batchone` → `:one`).
        public var itemCommand: Command {
            switch self {
            case .batchexec: .exec
            case .batchmany: .many
            case .batchone: .one
            default: self
            }
        }

        public var isBatch: Bool { itemCommand != self }
    }

    /// A parameter the user named with `sqlc.arg(x)`, `@x`, `sqlc.narg(x)` or `sqlc.slice(x)`.
    public struct NamedParameter: Sendable, Hashable {
        public var name: String
        /// `sqlc.narg(x)`: the parameter is nullable whatever its context says.
        public var forcesNullable: Bool = false
        /// `sqlc.slice(x)`: the parameter is a list (bound as an array, `= ANY($n)`).
        public var isSlice: Bool = false

    }

    /// A `sqlc.embed(t)` of the SELECT list, rewritten to `t.*`: the result groups the columns
    /// it stands for into one property of the table's model.
    public struct Embed: Sendable, Hashable {
        /// The FROM item's reference name (`t`), as PostgreSQL folds it.
        public var name: String
        /// Where its `t.*` starts in `sql`.
        public var offset: Int
    }

    /// The query name from the annotation, UpperCamelCase by convention (`GetAccount`).
    public var name: String
    public var command: Command
    /// `--` comment lines directly above the annotation, markers stripped, in order.
    public var docComment: [String]
    /// The statement with macros rewritten to `$n` and surrounding whitespace and the final
    /// semicolon removed. Offsets in `statement` refer to this text.
    public var sql: String
    /// The parse tree of `sql`.
    public var statement: PG.Node
    /// Named parameters by their `$n` number; positional `$n` written by the user are absent.
    public var namedParameters: [Int: NamedParameter]
    /// The `sqlc.embed(t)` entries of the SELECT list, in order.
    public var embeds: [Embed] = []
    /// Hints in the output columns' aliases (`AS "total!"`), whose aliases `sql` carries plain.
    public var columnHints: [QueryHint] = []
    /// `-- @param name: Type` hints above the query.
    public var parameterHints: [QueryHint] = []
    /// Maps offsets in `sql` back to the query file.
    public var sourceMap: SourceMap
    /// Where the `-- name:` annotation is (what `describe` reports as the query's line).
    public var annotationLocation: SourceLocation

    /// The query file's path, as diagnostics print it.
    public var file: String { sourceMap.file.path }
}
