import Hummingbird

/// Answers 405 Method Not Allowed, with an `Allow` header listing the methods the path has, when
/// a request names a known path with a method none of its routes take (`TRACE /accounts`,
/// `DELETE /health`), as RFC 9110 §15.5.6 asks. A path no route matches stays a 404.
///
/// Hummingbird answers both cases with the same `HTTPError(.notFound)` from its not-found
/// responder, which runs every middleware of the router, including those added after the
/// routes. So this middleware is added last (``Router/addMethodNotAllowedResponses()``): it
/// sees only requests that matched no route, and it knows every route by then.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// One path of the router with the methods its routes take, in the order they are listed.
    struct Endpoint: Sendable {
        var path: RouterPath
        var methods: [HTTPRequest.Method]
    }

    let endpoints: [Endpoint]

    init(routes: [Router<Context>.RouteDescription]) {
        var endpoints: [Endpoint] = []
        for route in routes {
            if let index = endpoints.firstIndex(where: { $0.path == route.path }) {
                if !endpoints[index].methods.contains(route.method) { endpoints[index].methods.append(route.method) }
            } else {
                endpoints.append(Endpoint(path: route.path, methods: [route.method]))
            }
        }
        self.endpoints = endpoints
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(path: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            throw APIError(
                .methodNotAllowed,
                detail: "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(list)",
                headers: [.allow: list]
            )
        }
    }

    /// The methods of the route path that `path` resolves to, sorted by name; empty for an unknown path.
    ///
    /// Resolved as Hummingbird's router does: segment by segment a literal beats a capture, so
    /// `/users/login` is the `login` path (POST) and not `/users/{username}` (PATCH).
    func allowedMethods(path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (rank: [Int], methods: Set<String>)?
        for endpoint in endpoints {
            guard let rank = Self.rank(endpoint.path, segments) else { continue }
            if let current = best, current.rank == rank {
                best?.methods.formUnion(endpoint.methods.map(\.rawValue))
            } else if best == nil || best!.rank.lexicographicallyPrecedes(rank) {
                best = (rank, Set(endpoint.methods.map(\.rawValue)))
            }
        }
        return (best?.methods ?? []).sorted().compactMap { HTTPRequest.Method($0) }
    }

    /// How specifically `path` matches the segments, 1 per literal and 0 per capture, or nil
    /// when it does not match.
    static func rank(_ path: RouterPath, _ segments: [Substring]) -> [Int]? {
        guard path.components.count == segments.count else { return nil }
        var rank: [Int] = []
        for (element, segment) in zip(path.components, segments) {
            guard element ~= segment else { return nil }
            rank.append(element == segment ? 1 : 0)
        }
        return rank
    }
}

extension Router {
    /// Makes requests for a known path with a method it does not take answer 405 with `Allow`
    /// (``MethodNotAllowedMiddleware``). Call it after every route has been added.
    @discardableResult
    public func addMethodNotAllowedResponses() -> Self {
        add(middleware: MethodNotAllowedMiddleware<Context>(routes: routes))
    }
}
