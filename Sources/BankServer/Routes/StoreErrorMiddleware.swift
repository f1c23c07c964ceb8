import BankDB
import Hummingbird
import Logging

/// Turns a `StoreError` that escapes a bank route into its problem response
/// (``BankDB/StoreError/apiError``), so routes can let data-layer errors propagate.
///
/// It sits inside ``ProblemDetailsMiddleware``, which would otherwise answer 500 to every error
/// it does not know. Faults (5xx) are logged here with the cause, because the ``APIError``
/// thrown on carries none.
struct StoreErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            let apiError = error.apiError
            if apiError.status.kind == .serverError {
                var metadata: Logger.Metadata = ["store.error": .string(error.description)]
                if case .database(let failure) = error {
                    // PSQLError's full text (SQL state, message) only with String(reflecting:).
                    metadata["error"] = .string(String(reflecting: failure.underlying))
                }
                context.logger.error("store failure", metadata: metadata)
            }
            throw apiError
        }
    }
}
