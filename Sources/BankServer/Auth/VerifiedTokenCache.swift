import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The payloads of access tokens that a ``TokenMaker`` has already verified, so that a client
/// sending the same token again (every request of a session does) is not checked from scratch:
/// for `v4.public` that is an Ed25519 verification, a fifth of the server's time per request.
///
/// It never accepts a token the maker would refuse:
/// - Only tokens that passed `verifyToken` are added; failures are not remembered.
/// - A maker's verdict on the same bytes can change only with time, through the expiry, and the
///   makers check nothing time-dependent but ``TokenPayload/expiredAt`` (JWT's `exp` is the same
///   instant). ``payload(for:now:)`` checks it on every hit, so an expired token is never served;
///   the caller then verifies it in full and gets the maker's own error. Access tokens cannot be
///   revoked (only refresh tokens have a session that can be blocked), so nothing else can
///   change.
/// - Entries are found by the SHA-256 of the token, not by the token: looking a string up compares
///   it byte by byte with cached ones and returns sooner the earlier they differ, which could tell
///   a prober how much of someone else's token it has guessed. A digest it cannot choose leaks
///   nothing, and swift-crypto compares digests in constant time.
///
/// At most ``capacity`` tokens are kept; when it is full, expired entries go first, then an
/// arbitrary one. A miss costs one SHA-256 over the token (about a microsecond) on top of the
/// verification.
final class VerifiedTokenCache: Sendable {
    /// The default bound: enough for every token in use on a busy server (entries are ~200 bytes).
    static let defaultCapacity = 10_000

    let capacity: Int
    private let entries: NIOLockedValueBox<[SHA256Digest: TokenPayload]>

    init(capacity: Int = VerifiedTokenCache.defaultCapacity) {
        precondition(capacity >= 1, "a cache holds at least one token")
        self.capacity = capacity
        self.entries = NIOLockedValueBox([:])
    }

    /// The payload of `token` if it was verified before and has not expired at `now`.
    func payload(for token: String, now: Date = Date()) -> TokenPayload? {
        let key = Self.key(token)
        guard let payload = entries.withLockedValue({ $0[key] }) else { return nil }
        return now < payload.expiredAt ? payload : nil
    }

    /// Remembers that `token` verified to `payload`. Call it only after `verifyToken` succeeded.
    func insert(_ token: String, payload: TokenPayload, now: Date = Date()) {
        let key = Self.key(token)
        entries.withLockedValue { entries in
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { now < $0.value.expiredAt }
                if entries.count >= capacity {
                    entries.remove(at: entries.startIndex)
                }
            }
            entries[key] = payload
        }
    }

    /// How many tokens are cached (for tests).
    var count: Int { entries.withLockedValue { $0.count } }

    private static func key(_ token: String) -> SHA256Digest {
        var token = token
        // Native strings are contiguous UTF-8; `withUTF8` copies only a bridged one.
        return token.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    }
}
