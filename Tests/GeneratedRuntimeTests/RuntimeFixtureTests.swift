import Foundation
import Logging
import PostgresNIO
import PostgresTestSupport

/// A suite that runs the fixtures' generated queries on a database of its own.
protocol RuntimeFixtureTests {}

private let runtimeFixturesBudget = ConnectionBudget(capacity: 6)
private let runtimeFixturesSchema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("SQL/schema.sql")

extension RuntimeFixtureTests {
    /// A database of its own with the fixtures' schema, and the generated queries on it.
    func withQueries(_ body: @Sendable (Queries) async throws -> Void) async throws {
        let logger = Logger(label: "generated-runtime-tests")
        try await MigratedTestDatabase.with(
            namePrefix: "runtime_test_", maxConnections: 2, budget: runtimeFixturesBudget, logger: logger
        ) { database in
            // One statement per query: the extended protocol runs one at a time. (The fixtures
            // have no `;` inside a statement.)
            let schema = try String(contentsOf: runtimeFixturesSchema, encoding: .utf8)
            for statement in schema.split(separator: ";") {
                let code = statement.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
                guard !code.joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                _ = try await database.client.query(PostgresQuery(unsafeSQL: String(statement)), logger: logger).collect()
            }
            try await body(Queries(database.client))
        }
    }
}
