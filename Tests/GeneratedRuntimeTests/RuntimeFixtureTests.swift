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
            let schema = try String(contentsOf: runtimeFixturesSchema, encoding: .utf8)
            try await database.client.runStatements(of: schema, logger: logger)
            try await body(Queries(database.client))
        }
    }
}
