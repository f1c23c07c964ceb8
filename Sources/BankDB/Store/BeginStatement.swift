import PostgresNIO

/// `BEGIN ISOLATION LEVEL …` as prepared statements, one per level: after a connection's first
/// transaction at a level, starting the next costs a Bind/Execute instead of a Parse/Bind/Execute
/// (what pgbench's `-M prepared` does). ROLLBACK stays unprepared, and so does a COMMIT whose outcome
/// must be read (`TransactionConnection` says when).
enum BeginStatement {
    struct ReadCommitted: RowlessStatement {
        static let name = "BankDB.BeginStatement.ReadCommitted"
        static let sql = "BEGIN ISOLATION LEVEL READ COMMITTED"
    }

    struct RepeatableRead: RowlessStatement {
        static let name = "BankDB.BeginStatement.RepeatableRead"
        static let sql = "BEGIN ISOLATION LEVEL REPEATABLE READ"
    }

    struct Serializable: RowlessStatement {
        static let name = "BankDB.BeginStatement.Serializable"
        static let sql = "BEGIN ISOLATION LEVEL SERIALIZABLE"
    }

    /// Starts a transaction at `isolation` on `connection`.
    static func run(_ isolation: IsolationLevel, on connection: PostgresConnection, logger: Logger) async throws {
        switch isolation {
        case .readCommitted: try await ReadCommitted().run(on: connection, logger: logger)
        case .repeatableRead: try await RepeatableRead().run(on: connection, logger: logger)
        case .serializable: try await Serializable().run(on: connection, logger: logger)
        }
    }
}

/// COMMIT as a prepared statement, for transactions in which nothing can have failed (see
/// `TransactionConnection`): it cannot tell a commit from a rollback.
struct CommitStatement: RowlessStatement {
    static let name = "BankDB.CommitStatement"
    static let sql = "COMMIT"
}

/// A prepared statement without parameters or rows. (Each declares `name` as a constant: postgres-nio's
/// default computes `String(reflecting:)` of the type on every execution.)
protocol RowlessStatement: PostgresPreparedStatement where Row == () {}

extension RowlessStatement {
    static var bindingDataTypes: [PostgresDataType] { [] }

    func makeBindings() throws -> PostgresBindings { PostgresBindings() }

    func decodeRow(_ row: PostgresRow) throws -> Row { () }

    /// Runs the statement to its end. (Reading the row sequence, not the overload that returns the
    /// command tag: that one crashes in postgres-nio 1.33.2.)
    func run(on connection: PostgresConnection, logger: Logger) async throws {
        for try await _ in try await connection.execute(self, logger: logger) {}
    }
}
