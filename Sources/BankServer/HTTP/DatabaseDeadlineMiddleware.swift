import BankDB
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// Keeps the bank routes answering while PostgreSQL is away (restarting, crashed, unreachable):
/// a request answers with its result, or with 503 problem details and `Retry-After: 1`, never
/// later than a bound.
///
/// Why: PostgresNIO's pool queues a request that finds no open connection and keeps it waiting
/// while it retries connecting, for up to a minute before it fails queued requests, so without
/// a bound a client saw silence, not an error, for as long as the database was away.
///
/// - The route runs with a deadline: ``DatabaseAvailability/waitLimit``, the configured limit
///   while the database answers, a short one once it has been seen away (requests fail fast
///   instead of each waiting the full limit). At the deadline the route's task is cancelled,
///   which takes a request waiting for a connection out of the pool's queue at once. The
///   middleware then waits for the route to end and answers with what it did: a route that
///   finished its work (a transfer that committed) keeps its response, so no acknowledgement
///   is lost and none is made up. The routes' handlers run detached (``DetachedHandler``), so a
///   handler stuck in the database driver ends the wait a grace period after the deadline.
/// - Errors that mean the database could not be reached or the connection was lost
///   (``DatabaseUnreachable``) become 503 with `Retry-After`.
///
/// It sits inside ``StoreErrorMiddleware`` (so it sees `StoreError.database` before that turns
/// into a 500) and outside the routes.
struct DatabaseDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let availability: DatabaseAvailability

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let limit = availability.waitLimit
        let (outcome, timedOut) = await Self.run(next, request: request, context: context, limit: limit)
        switch outcome {
        case .success(let response):
            if response.status.kind == .successful { availability.markReachable() }
            return response
        case .failure(let error):
            if let apiError = error as? APIError, apiError.status.kind == .clientError {
                // The route decided (a 404, a 422): the database answered.
                availability.markReachable()
                throw error
            }
            guard timedOut || DatabaseUnreachable.matches(error) else { throw error }
            availability.markUnreachable()
            context.logger.warning(
                "database unavailable",
                metadata: [
                    "error": .string(String(reflecting: error)),
                    "deadline_reached": .stringConvertible(timedOut),
                    "deadline": .stringConvertible(limit),
                ]
            )
            throw APIError.databaseUnavailable
        }
    }

    /// Runs `next` with a timer; when the timer fires first the route's task is cancelled and
    /// its outcome still awaited. Returns the outcome and whether the deadline passed.
    private static func run(
        _ next: (Request, Context) async throws -> Response, request: Request, context: Context, limit: Duration
    ) async -> (Result<Response, any Error>, Bool) {
        await withoutActuallyEscaping(next) { next in
            // The task group awaits the route's task before it returns, so `next` does not
            // outlive this call even though the child task holds it.
            let route = UncheckedSendableBox(next)
            return await withTaskGroup(of: Result<Response, any Error>?.self) { group in
                group.addTask {
                    do {
                        return .success(try await route.value(request, context))
                    } catch {
                        return .failure(error)
                    }
                }
                group.addTask {
                    // nil: the deadline passed, or the route finished and the timer was cancelled.
                    try? await Task.sleep(for: limit)
                    return nil
                }
                var timedOut = false
                while let result = await group.next() {
                    if let result {
                        group.cancelAll()
                        return (result, timedOut)
                    }
                    timedOut = true
                    group.cancelAll()
                }
                // Unreachable: the route's task always yields a result.
                return (.failure(CancellationError()), timedOut)
            }
        }
    }
}

/// A value handed to a child task that provably ends before the value's scope does.
private struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Whether the database was last seen answering, shared by every request of a server, and the
/// deadline that follows from it.
final class DatabaseAvailability: Sendable {
    /// How long a request may wait for the database while it answers.
    let limit: Duration
    /// How long a request may wait once the database has been seen away: enough for the pool to
    /// hand out a connection it has just reopened, short enough to fail fast while it has not.
    let limitWhileUnreachable: Duration
    private let unreachable = NIOLockedValueBox(false)

    init(limit: Duration, limitWhileUnreachable: Duration) {
        self.limit = limit
        self.limitWhileUnreachable = min(limit, limitWhileUnreachable)
    }

    /// The deadline for a request starting now.
    var waitLimit: Duration {
        unreachable.withLockedValue { $0 } ? limitWhileUnreachable : limit
    }

    /// Whether the last request that needed the database found it away.
    var isUnreachable: Bool { unreachable.withLockedValue { $0 } }

    func markReachable() { unreachable.withLockedValue { $0 = false } }
    func markUnreachable() { unreachable.withLockedValue { $0 = true } }
}

/// Recognises errors that say the database could not be reached or the connection was lost, as
/// opposed to errors in what a statement did.
enum DatabaseUnreachable {
    /// SQLSTATEs of the server going away: class 08 (connection exception), 57P01 (admin
    /// shutdown, as `pg_ctl stop -m fast` sends), 57P02 (crash shutdown), 57P03 (cannot connect
    /// now: starting up or shutting down).
    static func isUnreachableState(_ state: String) -> Bool {
        state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
    }

    static func matches(_ error: any Error) -> Bool {
        switch error {
        case is CancellationError:
            return true
        case StoreError.database(let failure):
            if let state = failure.sqlState, isUnreachableState(state) { return true }
            return matches(failure.underlying)
        case let error as PostgresTransactionError:
            return [error.closureError, error.commitError, error.beginError].contains { $0.map(matches) ?? false }
        case let error as PSQLError:
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .queryCancelled:
                return true
            case .server:
                return error.serverInfo?[.sqlState].map(isUnreachableState) ?? false
            default:
                return false
            }
        default:
            // The pool's own errors (e.g. its circuit breaker after a minute of failed connection
            // attempts) come from a module PostgresNIO does not export.
            return String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError")
        }
    }
}

extension APIError {
    /// 503 with `Retry-After: 1`: the database could not be reached in time or the connection
    /// was lost. A transfer answered this way may or may not have been made; its accounts show which.
    static var databaseUnavailable: APIError {
        var error = APIError.serviceUnavailable("the database is unavailable, try again")
        error.headers[.retryAfter] = "1"
        return error
    }
}
