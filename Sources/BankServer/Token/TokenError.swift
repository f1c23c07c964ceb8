/// Why a token was refused.
///
/// There are only two kinds, and callers answer both with HTTP 401: telling a client *which* check
/// failed (bad signature, wrong key, wrong version, broken encoding…) would only help an attacker
/// probe the verifier. The reason is kept in ``detail`` for server logs and shows up in
/// ``debugDescription`` only; ``description`` is safe to send to a client.
///
/// Two errors are equal when their ``kind`` is, whatever the detail, so
/// `#expect(throws: TokenError.invalid)` and `catch let error as TokenError where error == .expired`
/// read naturally.
public struct TokenError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The two outcomes a client may learn about.
    public enum Kind: Sendable, Hashable {
        /// Malformed, tampered, signed or encrypted with another key, another PASETO version or
        /// purpose, another JWT algorithm, or an unreadable payload.
        case invalid
        /// Authentic, but its expiry time has passed.
        case expired
    }

    /// What went wrong, as far as a client may know.
    public let kind: Kind
    /// Which check failed, for logs. Never contains key material or the token itself.
    public let detail: String

    /// An invalid token (any detail).
    public static let invalid = TokenError(kind: .invalid, detail: "")
    /// An expired token.
    public static let expired = TokenError(kind: .expired, detail: "")

    /// An invalid token, with the failed check for the logs.
    static func invalid(_ detail: String) -> TokenError {
        TokenError(kind: .invalid, detail: detail)
    }

    /// Compares kinds only; see the type's documentation.
    public static func == (lhs: TokenError, rhs: TokenError) -> Bool {
        lhs.kind == rhs.kind
    }

    /// Safe to show to a client.
    public var description: String {
        switch kind {
        case .invalid: "token is invalid"
        case .expired: "token has expired"
        }
    }

    /// For logs: includes the failed check.
    public var debugDescription: String {
        detail.isEmpty ? description : "\(description): \(detail)"
    }
}
