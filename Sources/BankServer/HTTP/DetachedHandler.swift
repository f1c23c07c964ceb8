import Hummingbird
import NIOConcurrencyHelpers

/// Runs a bank route's handler in a task of its own, so that a handler stuck in the database
/// driver cannot keep its request from being answered.
///
/// Why: PostgresNIO 1.33 writes a statement to its connection without a write promise. When the
/// server has just closed that connection, the write can reach the channel after its handlers are
/// gone, and NIO drops it silently: the statement's own promise is never completed, and the
/// awaiting call ignores cancellation. ``DatabaseDeadlineMiddleware`` cancels the route at its
/// deadline and then waits for it, which with such a call is forever (about one PostgreSQL restart
/// in four under load left one request unanswered).
///
/// Here the handler runs in an unstructured task. When the request's task is cancelled, the
/// handler's task is cancelled too and gets ``grace`` to end; a handler that ends in time answers
/// as it would have (a transfer that committed keeps its 200). After that the request stops
/// waiting for it and fails with `CancellationError`, which the middleware answers with 503 and
/// `Retry-After`; the stuck call is left to the driver. A statement lost that way never reached the
/// server, so abandoning it loses nothing; a merely slow one that commits later was answered 503,
/// which says "unavailable", not "not done".
enum DetachedHandler {
    /// How long a cancelled handler may still take to end before the request goes on without it.
    static let grace: Duration = .seconds(1)

    /// `handler`, run by ``run(grace:_:)``.
    static func wrap<Output: Sendable>(
        _ handler: @escaping @Sendable (Request, BankRequestContext) async throws -> Output
    ) -> @Sendable (Request, BankRequestContext) async throws -> Output {
        { request, context in
            try await run {
                try await handler(request, context)
            } onAbandon: {
                context.logger.warning(
                    "request handler did not end within its grace period after cancellation; answering without it",
                    metadata: ["grace": .stringConvertible(grace)])
            }
        }
    }

    /// Runs `work` in a task of its own and returns its outcome; once the caller is cancelled, the
    /// outcome it reaches within `grace`, else `CancellationError` (after calling `onAbandon`).
    static func run<T: Sendable>(
        grace: Duration = DetachedHandler.grace, _ work: @escaping @Sendable () async throws -> T,
        onAbandon: @escaping @Sendable () -> Void = {}
    ) async throws -> T {
        let outcome = Outcome<T>()
        let task = Task {
            do {
                outcome.settle(.success(try await work()))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            task.cancel()
            Task {
                try? await Task.sleep(for: grace)
                outcome.settle(.failure(CancellationError()), ifFirst: onAbandon)
            }
        }
    }

    /// A result settled once, by whichever comes first, and handed to the one task awaiting it.
    private final class Outcome<T: Sendable>: Sendable {
        private enum State {
            case pending
            case awaited(CheckedContinuation<T, any Error>)
            case settled(Result<T, any Error>)
            case delivered
        }

        private let state = NIOLockedValueBox(State.pending)

        func value() async throws -> T {
            try await withCheckedThrowingContinuation { continuation in
                let settled: Result<T, any Error>? = state.withLockedValue { state in
                    guard case .settled(let result) = state else {
                        state = .awaited(continuation)
                        return nil
                    }
                    state = .delivered
                    return result
                }
                if let settled { continuation.resume(with: settled) }
            }
        }

        /// The first call wins, and runs `ifFirst` before the result is delivered; later ones are
        /// ignored.
        func settle(_ result: Result<T, any Error>, ifFirst: () -> Void = {}) {
            var won = true
            let waiting: CheckedContinuation<T, any Error>? = state.withLockedValue { state in
                switch state {
                case .pending:
                    state = .settled(result)
                    return nil
                case .awaited(let continuation):
                    state = .delivered
                    return continuation
                case .settled, .delivered:
                    won = false
                    return nil
                }
            }
            guard won else { return }
            ifFirst()
            waiting?.resume(with: result)
        }
    }
}

extension RouterMethods where Context == BankRequestContext {
    /// Adds a route whose handler runs detached (``DetachedHandler``).
    @discardableResult
    func detached<Output: ResponseGenerator & Sendable>(
        _ path: RouterPath = "", method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, BankRequestContext) async throws -> Output
    ) -> Self {
        on(path, method: method, use: DetachedHandler.wrap(handler))
    }
}
