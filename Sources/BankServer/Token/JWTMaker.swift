import Crypto
import Foundation
import JWTKit

/// JSON Web Tokens signed with HMAC-SHA256 (`HS256`) and a shared secret, through jwt-kit.
///
/// For interoperability with JWT-based clients and tools. The payload is readable by anyone
/// (base64url, not encrypted), like `v4.public`, but the secret that verifies a token can also
/// forge one, so it must stay on this server.
///
/// jwt-kit verifies the signature with the key's own algorithm and never compares it with the
/// header's `alg`: a token saying `alg: HS512` (or anything) over a valid HS256 signature would
/// pass. A JWT's header is chosen by whoever made the token, so this maker reads it first and
/// refuses everything but exactly `"HS256"` before jwt-kit sees the token.
public struct JWTMaker: TokenMaker, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// HS256's security relies on the secret being at least as long as the hash output (RFC 7518 §3.2);
    /// jwt-kit also asserts it, so a shorter secret would crash a debug build instead of failing cleanly.
    public static let minimumSecretByteCount = 32
    private static let algorithm = "HS256"

    private let keys: JWTKeyCollection

    /// A maker with `secret` (at least 32 bytes; e.g. `TOKEN_SYMMETRIC_KEY`'s UTF-8 bytes).
    ///
    /// - Throws: ``TokenConfigurationError`` when the secret is too short.
    public init(secret: some DataProtocol) async throws(TokenConfigurationError) {
        guard secret.count >= Self.minimumSecretByteCount else {
            throw TokenConfigurationError("a JWT secret must be at least \(Self.minimumSecretByteCount) bytes (got \(secret.count))")
        }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.keys = keys
    }

    public func createToken(username: String, role: String, duration: Duration) async throws -> (token: String, payload: TokenPayload) {
        let payload = TokenPayload(username: username, role: role, duration: duration)
        let token = try await keys.sign(JWTClaims(payload))
        return (token, payload)
    }

    /// - Throws: ``TokenError``.
    public func verifyToken(_ token: String) async throws -> TokenPayload {
        try Self.checkHeader(of: token)
        let claims: JWTClaims
        do {
            claims = try await keys.verify(token, as: JWTClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            // The only claim JWTClaims.verify checks is `exp`, and only after the signature.
            throw TokenError(kind: .expired, detail: "exp has passed")
        } catch let error as JWTError {
            throw TokenError.invalid("jwt-kit: \(error.errorType)")
        } catch {
            throw TokenError.invalid("jwt-kit: \(type(of: error))")
        }
        guard claims.subject.value == claims.payload.username else {
            throw TokenError.invalid("sub and username differ")
        }
        try claims.payload.validate()
        return claims.payload
    }

    /// Refuses a token unless it has three segments, its header is a JSON object whose `alg` is
    /// exactly `"HS256"` and that has no `crit` (no extension we would have to understand, such as
    /// an unencoded payload), and its signature segment is a canonical 32-byte HS256 MAC.
    static func checkHeader(of token: String) throws(TokenError) {
        let segments = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3 else { throw .invalid("a JWT has three segments") }
        guard let headerBytes = Base64URL.decode(bytes: segments[0]) else {
            throw .invalid("header is not unpadded base64url")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)) else {
            throw .invalid("header is not a JSON object with a string alg")
        }
        guard header.alg == algorithm else { throw .invalid("header alg is not \(algorithm)") }
        guard !header.hasCritical else { throw .invalid("header has crit") }
        // jwt-kit's decoder tolerates other spellings of the same signature (e.g. non-zero unused
        // bits); requiring the one canonical form keeps a token from having look-alike variants.
        guard let signature = Base64URL.decode(bytes: segments[2]), signature.count == SHA256.byteCount else {
            throw .invalid("signature is not 32 bytes of unpadded base64url")
        }
    }

    /// The parts of a JOSE header that decide whether we try to verify at all.
    private struct Header: Decodable {
        let alg: String
        let hasCritical: Bool

        enum CodingKeys: String, CodingKey {
            case alg
            case crit
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.alg = try container.decode(String.self, forKey: .alg)
            self.hasCritical = container.contains(.crit)
        }
    }

    /// Never prints the secret.
    public var description: String { "JWTMaker(HS256, secret: <redacted>)" }

    public var debugDescription: String { description }

    /// Hides the key collection from `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(self, children: ["secret": "<redacted>"], displayStyle: .struct)
    }
}
