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
    /// waiting while it retries, and a health check must answer promptly. The query is not
    /// awaited after the timeout: a pool request that does not see its cancellation at once
    /// (one racing a connection the server just dropped) must not hold the response, or a
    /// graceful shutdown that waits for it.
    func databaseIsReachable(logger: Logger) async -> Bool {
        let race = FirstOutcome()
        let query = Task {
            let reachable: Bool
            do {
                let rows = try await postgres.query("SELECT 1", logger: logger)
                for try await _ in rows {}
                reachable = true
            } catch {
                logger.warning("health check: database query failed", metadata: ["error": .string(String(reflecting: error))])
                reachable = false
            }
            await race.settle(reachable)
        }
        let timer = Task {
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            if await race.settle(false) {
                logger.warning("health check: database did not answer in time", metadata: ["timeout": .stringConvertible(timeout)])
            }
        }
        let reachable = await race.outcome()
        query.cancel()
        timer.cancel()
        return reachable
    }
}

/// The first of several racing results, for one waiter.
private actor FirstOutcome {
    private var result: Bool?
    private var waiter: CheckedContinuation<Bool, Never>?

    /// Records `value` unless another result came first; true when it was the first.
    @discardableResult
    func settle(_ value: Bool) -> Bool {
        guard result == nil else { return false }
        result = value
        waiter?.resume(returning: value)
        waiter = nil
        return true
    }

    /// The first result, once there is one.
    func outcome() async -> Bool {
        if let result { return result }
        return await withCheckedContinuation { continuation in waiter = continuation }
    }
}
