import Foundation
import JWTKit

/// The JSON body of a bank JWT: the ``TokenPayload`` fields (`id`, `username`, `role`,
/// `issued_at`, `expired_at`, exactly as in a PASETO token) plus the registered claims `sub`
/// (= username), `iat` and `exp` (Unix seconds), so generic JWT tooling can read who the token is
/// for and when it expires.
struct JWTClaims: JWTPayload {
    var payload: TokenPayload
    var subject: SubjectClaim
    var issuedAt: IssuedAtClaim
    var expiration: ExpirationClaim

    init(_ payload: TokenPayload) {
        self.payload = payload
        self.subject = SubjectClaim(value: payload.username)
        self.issuedAt = IssuedAtClaim(value: payload.issuedAt)
        self.expiration = ExpirationClaim(value: payload.expiredAt)
    }

    private enum RegisteredKeys: String, CodingKey {
        case subject = "sub"
        case issuedAt = "iat"
        case expiration = "exp"
    }

    init(from decoder: any Decoder) throws {
        // Both views read the same JSON object: the payload's keys and the registered ones.
        self.payload = try TokenPayload(from: decoder)
        let container = try decoder.container(keyedBy: RegisteredKeys.self)
        self.subject = try container.decode(SubjectClaim.self, forKey: .subject)
        self.issuedAt = try container.decode(IssuedAtClaim.self, forKey: .issuedAt)
        self.expiration = try container.decode(ExpirationClaim.self, forKey: .expiration)
    }

    func encode(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
        var container = encoder.container(keyedBy: RegisteredKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(issuedAt, forKey: .issuedAt)
        try container.encode(expiration, forKey: .expiration)
    }

    /// Called by jwt-kit after the signature has been checked. `algorithm` is the key's, not the
    /// header's, so it says nothing about what the token claimed; ``JWTMaker`` checks that.
    func verify(using _: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
    }
}
