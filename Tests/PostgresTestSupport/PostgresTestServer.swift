import Foundation

/// The PostgreSQL server the tests run against, and where the bank's migrations are.
public enum PostgresTestServer {
    /// The server when `DATABASE_URL` is not set: the project's local cluster (`make start-postgres`).
    public static let defaultURL = "postgresql://root:secret@127.0.0.1:5432/simple_bank?sslmode=disable"

    /// The server as text: `DATABASE_URL` (make test sets it), else ``defaultURL``.
    public static var urlString: String {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
    }

    /// The repository's `db/migration` folder.
    public static let migrationsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("db/migration").path
}
