/// A statement of a migration file that the server rejected, with everything needed to find it.
public struct SQLFailure: Sendable, Hashable {
    /// The migration file's name, e.g. `000002_add_users.up.sql`.
    public var file: String

    /// The 1-based line in the file: where the server's error position points, else where the
    /// failing statement starts; `nil` when the failure came at `COMMIT` (deferred constraints).
    public var line: Int?

    /// The 1-based column matching ``line``, when the server gave a position.
    public var column: Int?

    /// The server's primary message, e.g. `relation "users" does not exist`.
    public var message: String

    /// The SQLSTATE code, e.g. `42P01`.
    public var sqlState: String?

    /// The server's `DETAIL` field.
    public var detail: String?

    /// The server's `HINT` field.
    public var hint: String?

    /// The server's `WHERE` field: the call stack inside a function or `DO` block.
    public var context: String?

    /// The version the database is at after the failure.
    public var versionAfterFailure: Int64?

    /// Whether the database was left dirty: only when the file ran outside a transaction.
    public var leftDirty: Bool

    /// Creates a failure report.
    public init(
        file: String, line: Int?, column: Int?, message: String, sqlState: String?, detail: String?,
        hint: String?, context: String? = nil, versionAfterFailure: Int64?, leftDirty: Bool
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.context = context
        self.versionAfterFailure = versionAfterFailure
        self.leftDirty = leftDirty
    }

    /// `file:line:column`, as far as known.
    public var location: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location
    }
}
