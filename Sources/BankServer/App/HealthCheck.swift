import Hummingbird
import Logging
import PostgresNIO

/// `GET /health`: 200 `{"status":"ok"}` when PostgreSQL answers `SELECT 1` within the timeout,
/// else 503 problem details (for load balancers and orchestrators, which should stop sending
/// traffic to an instance that cannot reach its database).
struct HealthCheck: Sendable {
    /// The 200 body.
    struct Status: ResponseEncodable, Equatable {
        var status: String
    }

    let postgres: PostgresClient
    let timeout: Duration

    /// Adds `GET /health`.
    func addRoute(to router: Router<some RequestContext>) {
        router.get("/health") { _, context -> Status in
            guard await databaseIsReachable(logger: context.logger) else {
                throw APIError.serviceUnavailable("database is unavailable")
            }
            return Status(status: "ok")
        }
    }

    /// Runs `SELECT 1`, giving up after ``timeout``: a pool that cannot connect keeps requests
    /// waiting while it retries, and a health check must answer promptly.
    func databaseIsReachable(logger: Logger) async -> Bool {
        await withTaskGroup(of: Bool?.self) { group in
            group.addTask {
                do {
                    let rows = try await postgres.query("SELECT 1", logger: logger)
                    for try await _ in rows {}
                    return true
                } catch {
                    logger.warning("health check: database query failed", metadata: ["error": .string(String(reflecting: error))])
                    return false
                }
            }
            group.addTask {
                // nil when cancelled because the query finished first.
                guard (try? await Task.sleep(for: timeout)) != nil else { return nil }
                logger.warning("health check: database did not answer in time", metadata: ["timeout": .stringConvertible(timeout)])
                return false
            }
            var result = false
            for await outcome in group {
                if let outcome {
                    result = outcome
                    break
                }
            }
            group.cancelAll()
            return result
        }
    }
}
