import Foundation
import Hummingbird

/// An error a route or middleware throws to answer with a problem-details body
/// (``ProblemDetails``).
///
/// It conforms to `HTTPResponseError`, so Hummingbird renders it itself; anything else that
/// escapes a route is turned into one by ``ProblemDetailsMiddleware``.
///
/// ```swift
/// guard account.owner == identity.username else {
///     throw APIError.forbidden("account doesn't belong to the authenticated user")
/// }
/// ```
public struct APIError: HTTPResponseError, Sendable, Equatable {
    /// The response status (also in ``problem``).
    public let status: HTTPResponse.Status
    /// The body's fields.
    public let problem: ProblemDetails
    /// Extra response headers, e.g. `WWW-Authenticate` for 401.
    public var headers: HTTPFields

    /// An error with `status` and `detail`; `title` defaults to the status's reason phrase.
    public init(
        _ status: HTTPResponse.Status,
        detail: String,
        type: String = "about:blank",
        title: String? = nil,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.problem = ProblemDetails(type: type, title: title ?? status.reasonPhrase, status: status.code, detail: detail)
        self.headers = headers
    }

    /// Renders the problem as `application/problem+json`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        // Stable key order makes responses easy to compare in tests and logs.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(problem)
        var headers = headers
        headers[.contentType] = ProblemDetails.mediaType
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIError {
    /// 400: the request is malformed or a value is invalid.
    public static func badRequest(_ detail: String) -> APIError { APIError(.badRequest, detail: detail) }

    /// 401: no credentials, bad credentials, or an invalid or expired token. Carries
    /// `WWW-Authenticate: Bearer` so clients know which scheme to use (RFC 6750).
    public static func unauthorized(_ detail: String) -> APIError {
        APIError(.unauthorized, detail: detail, headers: [.wwwAuthenticate: "Bearer"])
    }

    /// 403: authenticated, but not allowed to do this (someone else's account).
    public static func forbidden(_ detail: String) -> APIError { APIError(.forbidden, detail: detail) }

    /// 404: the resource does not exist.
    public static func notFound(_ detail: String) -> APIError { APIError(.notFound, detail: detail) }

    /// 409: conflicts with existing data (duplicate username, email, or account currency).
    public static func conflict(_ detail: String) -> APIError { APIError(.conflict, detail: detail) }

    /// 413: the request body is larger than `limit` bytes.
    public static func contentTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, detail: "request body is larger than \(limit) bytes")
    }

    /// 415: the body is not `application/json`.
    public static func unsupportedMediaType(_ detail: String = "Content-Type must be application/json") -> APIError {
        APIError(.unsupportedMediaType, detail: detail)
    }

    /// 422: well-formed, but breaks a business rule (currency mismatch, insufficient funds).
    public static func unprocessableContent(_ detail: String) -> APIError { APIError(.unprocessableContent, detail: detail) }

    /// 500: a fault on our side. The detail is always the same so that nothing internal leaks;
    /// log the cause before throwing (``ProblemDetailsMiddleware`` does for errors it maps).
    public static let internalServerError = APIError(.internalServerError, detail: "internal server error")

    /// 503: a dependency (the database) is unavailable.
    public static func serviceUnavailable(_ detail: String) -> APIError { APIError(.serviceUnavailable, detail: detail) }
}
