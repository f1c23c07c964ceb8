import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// The cache of verified tokens, alone and behind ``BearerTokenAuthenticator``: it serves only
/// what the maker accepted, never past the expiry, and stays within its bound.
@Suite("VerifiedTokenCache")
struct VerifiedTokenCacheTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func payload(_ username: String, expiresIn seconds: Double) -> TokenPayload {
        TokenPayload(username: username, role: "depositor", issuedAt: now, expiredAt: now.addingTimeInterval(seconds))
    }

    @Test("a verified token is found again; another token is not")
    func hit() {
        let cache = VerifiedTokenCache()
        let alice = Self.payload("alice", expiresIn: 60)
        cache.insert("token-a", payload: alice, now: Self.now)
        #expect(cache.payload(for: "token-a", now: Self.now) == alice)
        #expect(cache.payload(for: "token-b", now: Self.now) == nil)
        // One character more or less is another token.
        #expect(cache.payload(for: "token-a ", now: Self.now) == nil)
        #expect(cache.payload(for: "token-", now: Self.now) == nil)
    }

    @Test("an entry is not served at or after its expiry")
    func expiry() {
        let cache = VerifiedTokenCache()
        cache.insert("token-a", payload: Self.payload("alice", expiresIn: 60), now: Self.now)
        #expect(cache.payload(for: "token-a", now: Self.now.addingTimeInterval(59.999)) != nil)
        #expect(cache.payload(for: "token-a", now: Self.now.addingTimeInterval(60)) == nil)
        #expect(cache.payload(for: "token-a", now: Self.now.addingTimeInterval(3600)) == nil)
    }

    @Test("when full, expired entries go first, then arbitrary ones; the new one is always kept")
    func bound() {
        let cache = VerifiedTokenCache(capacity: 3)
        cache.insert("old", payload: Self.payload("old", expiresIn: 1), now: Self.now)
        cache.insert("b", payload: Self.payload("b", expiresIn: 600), now: Self.now)
        cache.insert("c", payload: Self.payload("c", expiresIn: 600), now: Self.now)
        let later = Self.now.addingTimeInterval(10)
        cache.insert("d", payload: Self.payload("d", expiresIn: 600), now: later)
        #expect(cache.count == 3)
        #expect(cache.payload(for: "b", now: later) != nil)
        #expect(cache.payload(for: "c", now: later) != nil)
        #expect(cache.payload(for: "d", now: later) != nil)

        cache.insert("e", payload: Self.payload("e", expiresIn: 600), now: later)
        #expect(cache.count == 3)
        #expect(cache.payload(for: "e", now: later) != nil)
        // Replacing a cached token does not evict anything.
        cache.insert("e", payload: Self.payload("e", expiresIn: 600), now: later)
        #expect(cache.count == 3)
    }

    /// A maker that counts verifications and answers from a table.
    final class CountingMaker: TokenMaker, @unchecked Sendable {
        let results: [String: Result<TokenPayload, TokenError>]
        // Guarded by `lock`.
        private var calls = 0
        private let lock = NSLock()

        init(_ results: [String: Result<TokenPayload, TokenError>]) {
            self.results = results
        }

        var verifications: Int { lock.withLock { calls } }

        func createToken(username: String, role: String, duration: Duration) async throws -> (token: String, payload: TokenPayload) {
            throw TokenConfigurationError("not used")
        }

        func verifyToken(_ token: String) async throws -> TokenPayload {
            lock.withLock { calls += 1 }
            return try (results[token] ?? .failure(.invalid)).get()
        }
    }

    static func makeApp(_ authenticator: BearerTokenAuthenticator<BankRequestContext>) -> some ApplicationProtocol {
        let router = Router(context: BankRequestContext.self)
        router.addBankMiddleware()
        router.group("/secure").add(middleware: authenticator)
            .get("whoami") { _, context -> String in try context.requireIdentity().username }
        return Application(router: router, logger: LogRecorder().makeLogger())
    }

    @Test("behind the authenticator: a session's token is verified once, refused tokens every time")
    func authenticator() async throws {
        let alice = TokenPayload(username: "alice", role: "depositor", duration: .seconds(600))
        let maker = CountingMaker(["good": .success(alice)])
        try await Self.makeApp(BearerTokenAuthenticator(tokenMaker: maker)).test(.router) { client in
            for _ in 0..<3 {
                let response = try await client.execute(uri: "/secure/whoami", method: .get, headers: [.authorization: "Bearer good"])
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "alice")
            }
            #expect(maker.verifications == 1)
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/secure/whoami", method: .get, headers: [.authorization: "Bearer bad"])
                #expect(response.status == .unauthorized)
                #expect(try TestApp.problem(response).detail == "token is invalid")
            }
            #expect(maker.verifications == 3)
        }
    }

    @Test("behind the authenticator: an expired cached token goes back to the maker and gets its answer")
    func expiredEntry() async throws {
        let expired = TokenPayload(
            username: "alice", role: "depositor", issuedAt: Date(timeIntervalSinceNow: -120), expiredAt: Date(timeIntervalSinceNow: -60))
        let cache = VerifiedTokenCache()
        cache.insert("stale", payload: expired, now: Date(timeIntervalSinceNow: -90))
        let maker = CountingMaker(["stale": .failure(.expired)])
        let authenticator = BearerTokenAuthenticator<BankRequestContext>(tokenMaker: maker, verifiedTokens: cache)
        try await Self.makeApp(authenticator).test(.router) { client in
            let response = try await client.execute(uri: "/secure/whoami", method: .get, headers: [.authorization: "Bearer stale"])
            #expect(response.status == .unauthorized)
            #expect(try TestApp.problem(response).detail == "token has expired")
        }
        #expect(maker.verifications == 1)
    }
}
