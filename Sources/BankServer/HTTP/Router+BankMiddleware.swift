import Hummingbird

extension Router {
    /// Adds the middleware every bank route runs behind, outermost first:
    /// ``RequestLoggingMiddleware`` (one line per request, with the status the client got) and
    /// ``ProblemDetailsMiddleware`` (every error becomes problem JSON).
    ///
    /// Call it before adding routes: Hummingbird applies middleware only to routes added after
    /// it (unknown routes get all of it).
    @discardableResult
    public func addBankMiddleware() -> Self {
        add(middleware: RequestLoggingMiddleware<Context>())
        add(middleware: ProblemDetailsMiddleware<Context>())
        return self
    }
}
