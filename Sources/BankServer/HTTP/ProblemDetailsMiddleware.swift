import Hummingbird
import Logging
import NIOCore

/// Turns every error that escapes a route into a problem-details response (``APIError``).
///
/// Hummingbird renders only `HTTPResponseError`s; anything else becomes an empty 500. This
/// middleware, added before every route, catches all errors so that clients always get the
/// same JSON shape:
///
/// | error | response |
/// |---|---|
/// | ``APIError`` | itself |
/// | ``TokenError`` | 401, "token is invalid" / "token has expired" |
/// | Hummingbird's `HTTPError` (bad parameter, unknown route…) | its status; its message as detail for 4xx |
/// | `NIOTooManyBytesError` (body over the limit) | 413 |
/// | any other `HTTPResponseError` | its status, with a generic detail |
/// | anything else | 500 "internal server error", and the error is logged |
///
/// 5xx responses never carry error text: the cause goes to the log with the request id
/// (`hb.request.id`), where `String(reflecting:)` shows the details (PostgresNIO's `PSQLError`
/// hides them from `description` on purpose).
public struct ProblemDetailsMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, maxUploadSize: context.maxUploadSize)
            if apiError.status.kind == .serverError {
                // A fault: the details go to the log only. A route that chose a 5xx itself
                // (e.g. 503 from /health) has already said why, so a warning is enough.
                context.logger.log(
                    level: error is APIError ? .warning : .error,
                    "request failed",
                    metadata: [
                        "error": .string(String(reflecting: error)),
                        "error.type": .string(String(reflecting: type(of: error))),
                        "http.status": .stringConvertible(apiError.status.code),
                    ]
                )
            } else if let tokenError = error as? TokenError {
                // Which check failed helps debugging but must not reach the client.
                context.logger.debug("token refused", metadata: ["reason": .string(tokenError.debugDescription)])
            }
            return try apiError.response(from: request, context: context)
        }
    }

    /// The problem response for `error`.
    static func apiError(for error: any Error, maxUploadSize: Int) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as TokenError:
            return .unauthorized(error.description)
        case let error as HTTPError:
            if error.status.kind == .serverError {
                return error.status == .internalServerError ? .internalServerError : APIError(error.status, detail: defaultDetail(error.status))
            }
            var headers = error.headers
            headers[.contentType] = nil
            headers[.contentLength] = nil
            if error.status == .unauthorized, headers[.wwwAuthenticate] == nil {
                // e.g. hummingbird-auth's requireIdentity(): say which scheme to use, as our own 401s do.
                headers[.wwwAuthenticate] = "Bearer"
            }
            return APIError(error.status, detail: error.body ?? defaultDetail(error.status), headers: headers)
        case is NIOTooManyBytesError:
            return .contentTooLarge(limit: maxUploadSize)
        case let error as any HTTPResponseError:
            return error.status == .internalServerError ? .internalServerError : APIError(error.status, detail: defaultDetail(error.status))
        default:
            return .internalServerError
        }
    }

    /// A neutral detail when the error brought none we can show.
    static func defaultDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "the requested resource does not exist"
        case .internalServerError: "internal server error"
        default: status.reasonPhrase.lowercased()
        }
    }
}
