/// The JSON body of every error response, in the shape of RFC 9457 "Problem Details for HTTP
/// APIs": `{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "…"}`, sent as
/// `application/problem+json`.
///
/// `type` is `about:blank` unless a route has a more specific problem type; then, as the RFC
/// says, `title` is the status's reason phrase. `detail` is written for the client and never
/// contains internal error text.
public struct ProblemDetails: Codable, Sendable, Hashable {
    /// The media type of a problem body.
    public static let mediaType = "application/problem+json"

    /// A URI reference identifying the problem type.
    public var type: String
    /// A short summary of the problem type.
    public var title: String
    /// The HTTP status code, repeated for clients that only see the body.
    public var status: Int
    /// What went wrong with this request.
    public var detail: String

    public init(type: String = "about:blank", title: String, status: Int, detail: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }
}
