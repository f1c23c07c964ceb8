import CLibPQ
import Foundation

/// A blocking libpq connection, just enough for `verify`: run DDL, prepare a statement and ask
/// the server what it made of it. One connection serves one thread at a time.
///
/// ```swift
/// let connection = try LibPQConnection(url: "postgresql://root:secret@127.0.0.1/postgres")
/// let shape = try connection.describe("SELECT id FROM accounts WHERE owner = $1")
/// shape.parameterTypes    // [25] (text's OID)
/// ```
final class LibPQConnection {
    /// An error the server (or libpq) reported.
    struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        var message: String
        /// PostgreSQL's `P` field: the 1-based character position in the statement, when given.
        var position: Int?
        /// The SQLSTATE, when the server sent one.
        var code: String?
        var description: String { message }
    }

    /// What PostgreSQL reports for a prepared statement.
    struct StatementShape: Sendable, Hashable {
        var parameterTypes: [UInt32]
        var columns: [(name: String, type: UInt32)]

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.parameterTypes == rhs.parameterTypes && lhs.columns.elementsEqual(rhs.columns, by: ==)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(parameterTypes)
            for column in columns {
                hasher.combine(column.name)
                hasher.combine(column.type)
            }
        }
    }

    private let connection: OpaquePointer
    private var statementCount = 0

    /// Connects with a `postgresql://` URL or a `key=value` connection string (empty: libpq's
    /// defaults and `PG*` environment variables), optionally to another database than it names.
    init(url: String, database: String? = nil) throws(Failure) {
        var keywords = ["dbname"]
        var values = [url.isEmpty ? "postgres" : url]
        if let database {
            // With expand_dbname, the first dbname is read as the URL; a later one overrides its database.
            keywords.append("dbname")
            values.append(database)
        }
        let connection = Self.withCStrings(keywords) { keywordPointers in
            // Both lists end with NULL.
            Self.withCStrings(values) { valuePointers in PQconnectdbParams(keywordPointers + [nil], valuePointers + [nil], 1) }
        }
        guard let connection else { throw Failure(message: "out of memory connecting to PostgreSQL") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingTrailingWhitespace
            PQfinish(connection)
            throw Failure(message: "could not connect to PostgreSQL: \(message)")
        }
        // Notices (`… does not exist, skipping`) are not for the user of `verify`.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { PQfinish(connection) }

    /// The server's version as `SHOW server_version` prints it.
    var serverVersion: String {
        (try? query("SHOW server_version").first?.first ?? nil) ?? "unknown"
    }

    /// Runs one or more statements (no parameters, results ignored).
    func execute(_ sql: String) throws(Failure) {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        try check(result, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY])
    }

    /// Runs a query with text parameters; the rows' values as text (nil for NULL).
    func query(_ sql: String, _ parameters: [String] = []) throws(Failure) -> [[String?]] {
        let result = Self.withCStrings(parameters) { pointers in
            PQexecParams(connection, sql, Int32(parameters.count), nil, pointers, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, expecting: [PGRES_TUPLES_OK, PGRES_COMMAND_OK])
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// Prepares `sql` without running it and returns the parameter and result types PostgreSQL
    /// inferred, as the driver of the generated code will see them.
    func describe(_ sql: String) throws(Failure) -> StatementShape {
        statementCount += 1
        let name = "sqlgen_verify_\(statementCount)"
        let prepared = PQprepare(connection, name, sql, 0, nil)
        defer { PQclear(prepared) }
        try check(prepared, expecting: [PGRES_COMMAND_OK])
        defer { _ = try? execute("DEALLOCATE \(name)") }
        let description = PQdescribePrepared(connection, name)
        defer { PQclear(description) }
        try check(description, expecting: [PGRES_COMMAND_OK])
        return StatementShape(
            parameterTypes: (0..<PQnparams(description)).map { PQparamtype(description, $0) },
            columns: (0..<PQnfields(description)).map { index in
                (String(cString: PQfname(description, index)), PQftype(description, index))
            })
    }

    private func check(_ result: OpaquePointer?, expecting statuses: [ExecStatusType]) throws(Failure) {
        guard let result else {
            throw Failure(message: String(cString: PQerrorMessage(connection)).trimmingTrailingWhitespace)
        }
        guard !statuses.contains(PQresultStatus(result)) else { return }
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue ?? 0)).map { String(cString: $0) }
        }
        let message = field("M") ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingWhitespace
        throw Failure(message: message, position: field("P").flatMap { Int($0) }, code: field("C"))
    }

    /// Calls `body` with the strings as a C array of C strings, valid during the call.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
