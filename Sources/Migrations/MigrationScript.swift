/// One migration file, read and split into statements.
public struct MigrationScript: Sendable, Hashable {
    /// The file's name, e.g. `000001_init_schema.up.sql`.
    public let fileName: String

    /// The file's path as found in the migrations folder.
    public let path: String

    /// The statements in file order; empty for an empty or comment-only file.
    public let statements: [SQLStatement]

    /// Creates a script from already split statements.
    public init(fileName: String, path: String, statements: [SQLStatement]) {
        self.fileName = fileName
        self.path = path
        self.statements = statements
    }

    /// Creates a script by splitting `sql` with ``SQLSplitter``.
    ///
    /// - Throws: ``MigrationError/unterminatedSQL(file:line:column:construct:)``.
    public init(fileName: String, path: String, sql: String) throws(MigrationError) {
        self.init(fileName: fileName, path: path, statements: try SQLSplitter.split(sql, file: fileName))
    }

    /// Why the file must run outside a transaction, or `nil` when it runs inside one: the reason
    /// of its first statement that PostgreSQL refuses inside a transaction block.
    public var outsideTransactionReason: String? {
        statements.lazy.compactMap(\.outsideTransactionReason).first
    }

    /// Whether the file runs inside one transaction together with the version update.
    public var runsInTransaction: Bool { outsideTransactionReason == nil }
}
