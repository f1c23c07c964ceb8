import Hummingbird
import Logging

/// Logs one line per request at `info`: method, path, status, duration and request id, e.g.
/// `GET /accounts/7 200 1.84ms` with metadata `http.method`, `http.path`, `http.status`,
/// `duration_ms` and Hummingbird's `hb.request.id`.
///
/// Only the path is logged, never the query string: `GET /verify_email?email_id=…&secret_code=…`
/// carries a secret. Headers and bodies (tokens, passwords) are not logged either.
///
/// It runs outside ``ProblemDetailsMiddleware`` so that it sees the response the client got
/// (including mapped errors); should an error still arrive, it logs the status Hummingbird will
/// send and rethrows.
public struct RequestLoggingMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    /// - Parameter level: the level of the per-request line.
    public init(level: Logger.Level = .info) {
        self.level = level
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start, context: context)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, status: status, since: start, context: context)
            throw error
        }
    }

    private func log(_ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let duration = (milliseconds * 100).rounded() / 100
        let path = request.uri.path
        context.logger.log(
            level: level,
            "\(request.method.rawValue) \(path) \(status.code) \(duration)ms",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(path),
                "http.status": .stringConvertible(status.code),
                "duration_ms": .stringConvertible(duration),
            ]
        )
    }
}
