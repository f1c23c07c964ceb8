import BankDB
import Foundation
import PostgresNIO
import Testing

/// Round trips of the generated statements against a real PostgreSQL: the bindings, the
/// declared parameter types and the row decoding must agree with the server.
@Suite struct GeneratedQueriesTests {
    @Test func insertThenSelectReturnsTheSameRow() async throws {
        try await BankTestDatabase.with { db in
            let queries = db.queries
            let user = try await queries.createUser(username: "alice", hashedPassword: "hash", fullName: "Alice A", email: "alice@example.com")
            #expect(user.role == "depositor")
            #expect(user.isEmailVerified == false)

            let created = try await queries.createAccount(owner: "alice", balance: 100, currency: "USD")
            #expect(created.owner == "alice" && created.balance == 100 && created.currency == "USD")
            let fetched = try await queries.getAccount(id: created.id)
            #expect(fetched == created)
            #expect(try await queries.getAccount(id: created.id + 1000) == nil)

            let page = try await queries.listAccounts(owner: "alice", limit: 5, offset: 0)
            #expect(page == [created])
            #expect(try await queries.listAccounts(owner: "alice", limit: 5, offset: 1).isEmpty)
        }
    }

    @Test func namedParametersBindInOrderOfAppearance() async throws {
        try await BankTestDatabase.with { db in
            let queries = db.queries
            _ = try await queries.createUser(username: "bob", hashedPassword: "h", fullName: "Bob B", email: "bob@example.com")
            let account = try await queries.createAccount(owner: "bob", balance: 10, currency: "EUR")
            let updated = try await queries.addAccountBalance(amount: -4, id: account.id)
            #expect(updated?.balance == 6)
            #expect(try await queries.addAccountBalance(amount: 1, id: -1) == nil)
        }
    }

    @Test func nullableParametersKeepTheStoredValues() async throws {
        try await BankTestDatabase.with { db in
            let queries = db.queries
            let user = try await queries.createUser(username: "carol", hashedPassword: "old", fullName: "Carol C", email: "carol@example.com")
            // All nil first: prepares the statement on the connection with every parameter NULL.
            let unchanged = try await queries.updateUser(
                UpdateUserParams(hashedPassword: nil, passwordChangedAt: nil, fullName: nil, email: nil, isEmailVerified: nil, username: "carol"))
            #expect(unchanged == user)
            let changedAt = Date(timeIntervalSince1970: 1_700_000_000)
            let changed = try await queries.updateUser(
                UpdateUserParams(
                    hashedPassword: "new", passwordChangedAt: changedAt, fullName: nil, email: nil, isEmailVerified: true, username: "carol"))
            #expect(changed?.hashedPassword == "new")
            #expect(changed?.passwordChangedAt == changedAt)
            #expect(changed?.fullName == "Carol C")
            #expect(changed?.email == "carol@example.com")
            #expect(changed?.isEmailVerified == true)
        }
    }

    @Test func execrowsReportsTheAffectedRows() async throws {
        try await BankTestDatabase.with { db in
            let queries = db.queries
            _ = try await queries.createUser(username: "dave", hashedPassword: "h", fullName: "Dave D", email: "dave@example.com")
            for _ in 0..<3 {
                _ = try await queries.createSession(
                    CreateSessionParams(
                        id: UUID(), username: "dave", refreshToken: "t", userAgent: "tests", clientIP: "127.0.0.1",
                        isBlocked: false, expiresAt: Date().addingTimeInterval(3600)))
            }
            #expect(try await queries.blockUserSessions(username: "dave") == 3)
            #expect(try await queries.blockUserSessions(username: "dave") == 0)
            // Inside a transaction, on a PostgresConnection.
            let inside = try await db.client.withTransaction(logger: BankTestDatabase.logger) { connection in
                try await Queries(connection).blockUserSessions(username: "nobody")
            }
            #expect(inside == 0)
        }
    }

    @Test func execDeletesAndUUIDsRoundTrip() async throws {
        try await BankTestDatabase.with { db in
            let queries = db.queries
            _ = try await queries.createUser(username: "erin", hashedPassword: "h", fullName: "Erin E", email: "erin@example.com")
            let id = UUID()
            let session = try await queries.createSession(
                CreateSessionParams(
                    id: id, username: "erin", refreshToken: "r", userAgent: "ua", clientIP: "::1", isBlocked: false,
                    expiresAt: Date(timeIntervalSince1970: 1_800_000_000.5)))
            #expect(try await queries.getSession(id: id) == session)
            #expect(session.expiresAt == Date(timeIntervalSince1970: 1_800_000_000.5))

            let account = try await queries.createAccount(owner: "erin", balance: 0, currency: "CAD")
            try await queries.deleteAccount(id: account.id)
            #expect(try await queries.getAccount(id: account.id) == nil)
        }
    }

    /// `Queries` keeps postgres-nio's two types as themselves to call them specialised; a `DBTX` of
    /// any other type must still receive every statement, rows and counts alike.
    @Test func aCustomDBTXReceivesEveryStatement() async throws {
        try await BankTestDatabase.with { db in
            let recorder = StatementRecorder(base: db.client)
            let queries = Queries(recorder)
            _ = try await queries.createUser(username: "fay", hashedPassword: "h", fullName: "Fay F", email: "fay@example.com")
            let account = try await queries.createAccount(owner: "fay", balance: 7, currency: "USD")
            #expect(try await queries.getAccount(id: account.id) == account)
            #expect(try await queries.blockUserSessions(username: "fay") == 0)
            #expect(
                recorder.names == [
                    Queries.CreateUserStatement.name, Queries.CreateAccountStatement.name, Queries.GetAccountStatement.name,
                    Queries.BlockUserSessionsStatement.name,
                ])
        }
    }

    /// The generated statements name themselves with a constant; it must be the name postgres-nio's
    /// default would compute, so connections keep one prepared statement per query as before.
    @Test func statementNamesAreTheNamesPostgresNIOWouldDerive() {
        func check<S: PostgresPreparedStatement>(_ type: S.Type) {
            #expect(S.name == String(reflecting: type))
        }
        check(Queries.GetAccountStatement.self)
        check(Queries.PostTransferStatement.self)
        check(Queries.UpdateUserStatement.self)
        check(Queries.BlockUserSessionsStatement.self)
    }
}

/// A `DBTX` that notes each statement's name and passes it on to the pool.
private final class StatementRecorder: DBTX {
    let base: PostgresClient
    private let recorded = Recorder<String>()

    init(base: PostgresClient) {
        self.base = base
    }

    var names: [String] { recorded.values }

    func executePrepared<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> [Statement.Row] {
        recorded.append(Statement.name)
        return try await base.executePrepared(statement, logger: logger)
    }

    func commandTag<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws
        -> PostgresCommandTag
    {
        recorded.append(Statement.name)
        return try await base.commandTag(statement, logger: logger)
    }
}
