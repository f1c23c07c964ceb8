import BankDB
import Foundation
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import BankServer

/// ``DetachedHandler``: a handler stuck in a call that ignores cancellation (as PostgresNIO's is
/// when its statement was dropped on a closing connection) no longer keeps its request waiting.
@Suite("Detached handlers")
struct DetachedHandlerTests {
    struct Refused: Error, Equatable {}

    /// A call that never returns by itself and ignores cancellation: awaiting a future nobody
    /// completes, the shape of the driver's hang. `release()` ends it (NIO insists that promises
    /// are completed).
    final class StuckCall: Sendable {
        let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Int.self)

        func wait() async throws -> Int { try await promise.futureResult.get() }
        func release() { promise.succeed(0) }
    }

    @Test("without cancellation: the work's value, or its error")
    func passesThrough() async throws {
        #expect(try await DetachedHandler.run { 42 } == 42)
        await #expect(throws: Refused.self) { try await DetachedHandler.run { () async throws -> Int in throw Refused() } }
    }

    @Test("cancelled while stuck: CancellationError after the grace period, the stuck call left behind")
    func abandonsAStuckCall() async throws {
        let stuck = StuckCall()
        defer { stuck.release() }
        let started = ContinuousClock.now
        let abandoned = LockedCount()
        let request = Task {
            try await DetachedHandler.run(grace: .milliseconds(200)) {
                try await stuck.wait()
            } onAbandon: {
                abandoned.increment()
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        // No upper bound on wall time (the host may be loaded); the grace period is the lower one.
        #expect(ContinuousClock.now - started >= .milliseconds(250))
        #expect(abandoned.value == 1)
    }

    @Test("cancelled, and the work ends within the grace period: its own outcome")
    func keepsAnOutcomeReachedInTime() async throws {
        let request = Task {
            try await DetachedHandler.run(grace: .seconds(30)) { () async throws -> String in
                try? await Task.sleep(for: .seconds(30))  // cut short by the cancellation
                return Task.isCancelled ? "committed after the cancellation" : "not cancelled"
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        request.cancel()
        #expect(try await request.value == "committed after the cancellation")
    }

    @Test("a store call that never returns: the route answers 503 with Retry-After after its deadline")
    func stuckStoreCallIs503() async throws {
        let stuck = StuckCall()
        defer { stuck.release() }
        let store = MockStore()
        store.querier.getAccountHandler = { _ in
            _ = try await stuck.wait()
            return nil
        }
        try await BankAPIHarness.withStore(store, databaseTimeout: .milliseconds(200)) { harness, client in
            let response = try await client.send(.get, "/accounts/1", token: try await harness.token("ann"))
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "1")
            #expect(response.detail == "the database is unavailable, try again")
        }
    }
}

/// A counter shared with a `@Sendable` closure.
final class LockedCount: Sendable {
    private let count = NIOLockedValueBox(0)
    func increment() { count.withLockedValue { $0 += 1 } }
    var value: Int { count.withLockedValue { $0 } }
}
