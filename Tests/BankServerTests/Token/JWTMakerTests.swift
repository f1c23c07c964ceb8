import Crypto
import Foundation
import JWTKit
import Testing

@testable import BankServer

@Suite("JWTMaker")
struct JWTMakerTests {
    private static let secret = utf8("a-jwt-secret-of-at-least-32-bytes!")

    /// A compact JWT from raw header and payload JSON, signed with HMAC over `header.payload`
    /// (`signature` overrides it).
    private static func jwt(header: String, payload: String, hmac: (([UInt8]) -> [UInt8])? = nil, signature: [UInt8]? = nil) -> String {
        let signingInput = Base64URL.encode(utf8(header)) + "." + Base64URL.encode(utf8(payload))
        let mac = signature ?? hmac?(utf8(signingInput)) ?? []
        return signingInput + "." + Base64URL.encode(mac)
    }

    private static func hs256(_ data: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: secret)))
    }

    /// The payload segment of a genuine token, decoded.
    private static func payloadJSON(of token: String) -> String {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let bytes = Base64URL.decode(segments[1]) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a created token verifies and gives back its payload")
    func roundTrip() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, payload) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        #expect(try await maker.verifyToken(token) == payload)
    }

    @Test("header is HS256/JWT; claims are the payload fields plus sub, iat and exp in Unix seconds")
    func tokenShape() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, payload) = try await maker.createToken(username: "carol", role: "banker", duration: .seconds(60))
        let segments = token.split(separator: ".")
        #expect(segments.count == 3)
        let header = try JSONDecoder().decode([String: String].self, from: Data(try #require(Base64URL.decode(segments[0]))))
        #expect(header == ["alg": "HS256", "typ": "JWT"])

        let claims = try #require(try JSONSerialization.jsonObject(with: Data(utf8(Self.payloadJSON(of: token)))) as? [String: Any])
        #expect(Set(claims.keys) == ["id", "username", "role", "issued_at", "expired_at", "sub", "iat", "exp"])
        #expect(claims["sub"] as? String == "carol")
        #expect(claims["username"] as? String == "carol")
        #expect(claims["role"] as? String == "banker")
        #expect(claims["id"] as? String == payload.id.uuidString.lowercased())
        #expect((claims["iat"] as? NSNumber)?.doubleValue == payload.issuedAt.timeIntervalSince1970)
        #expect((claims["exp"] as? NSNumber)?.doubleValue == payload.expiredAt.timeIntervalSince1970)
        #expect(claims["expired_at"] as? String == RFC3339.format(payload.expiredAt))
    }

    @Test("an expired token is expired")
    func expired() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(-1))
        await #expect(throws: TokenError.expired) { try await maker.verifyToken(token) }
    }

    @Test("a changed payload or signature is invalid")
    func tampered() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let segments = token.split(separator: ".").map(String.init)

        let promoted = Self.payloadJSON(of: token).replacingOccurrences(of: "depositor", with: "banker")
        let forgedPayload = [segments[0], Base64URL.encode(utf8(promoted)), segments[2]].joined(separator: ".")
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(forgedPayload) }

        var signature = try #require(Base64URL.decode(segments[2]))
        flipBit(&signature, at: 5)
        let forgedSignature = [segments[0], segments[1], Base64URL.encode(signature)].joined(separator: ".")
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(forgedSignature) }
    }

    @Test("another secret's token is invalid")
    func wrongKey() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let other = try await JWTMaker(secret: utf8("another-secret-that-is-32-bytes-long"))
        let (token, _) = try await other.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("alg none is invalid, with or without a signature")
    func algNone() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let payload = Self.payloadJSON(of: token)
        let header = #"{"alg":"none","typ":"JWT"}"#
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(Self.jwt(header: header, payload: payload)) }
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(Self.jwt(header: header, payload: payload, hmac: Self.hs256)) }
        let genuineSignature = try #require(Base64URL.decode(token.split(separator: ".")[2]))
        let reusedSignature = Base64URL.encode(utf8(header)) + "." + token.split(separator: ".")[1] + "." + Base64URL.encode(genuineSignature)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(reusedSignature) }
    }

    @Test("alg HS512 is invalid: correctly signed with HS512 and the same secret, or over a valid HS256 signature")
    func algHS512() async throws {
        // 64 bytes, so that jwt-kit accepts the secret as an HS512 key too (it asserts key >= digest size).
        let secret = [UInt8](repeating: 0x5A, count: 64)
        let maker = try await JWTMaker(secret: secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let payload = Self.payloadJSON(of: token)
        let header = #"{"alg":"HS512","typ":"JWT"}"#
        let key = SymmetricKey(data: secret)

        // Signed by jwt-kit itself with an HS512 key over the same secret.
        let hs512Keys = JWTKeyCollection()
        await hs512Keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha512)
        let hs512Token = try await hs512Keys.sign(JWTClaims(TokenPayload(username: "carol", role: "banker", duration: .seconds(900))))
        let hs512Header = try #require(Base64URL.decode(hs512Token.prefix { $0 != "." }))
        #expect(String(decoding: hs512Header, as: UTF8.self).contains(#""alg":"HS512""#))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(hs512Token) }
        let handSigned = Self.jwt(header: header, payload: payload) { Array(HMAC<SHA512>.authenticationCode(for: $0, using: key)) }
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(handSigned) }

        // The header says HS512 but the signature is a valid HS256 one: only the header check refuses this.
        let confused = Self.jwt(header: header, payload: payload) { Array(HMAC<SHA256>.authenticationCode(for: $0, using: key)) }
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(confused) }
    }

    /// Why ``JWTMaker`` reads the header itself. If jwt-kit starts comparing `alg` with the key,
    /// this test fails: the header check then becomes a second line of defence, and this test can go.
    @Test("jwt-kit alone accepts a header alg that is not the key's")
    func jwtKitDoesNotPinAlgorithm() async throws {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: Self.secret), digestAlgorithm: .sha256)
        let payload = TokenPayload(username: "carol", role: "depositor", duration: .seconds(900))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let claims = String(decoding: try encoder.encode(JWTClaims(payload)), as: UTF8.self)
        let confused = Self.jwt(header: #"{"alg":"HS512","typ":"JWT"}"#, payload: claims, hmac: Self.hs256)
        let accepted = try await keys.verify(confused, as: JWTClaims.self)
        #expect(accepted.payload == payload)
    }

    @Test(
        "any header but exactly alg HS256 without crit is invalid",
        arguments: [
            #"{"alg":"hs256","typ":"JWT"}"#, #"{"alg":"HS256 ","typ":"JWT"}"#, #"{"alg":"RS256","typ":"JWT"}"#, #"{"alg":"HS384","typ":"JWT"}"#,
            #"{"alg":"ES256","typ":"JWT"}"#, #"{"alg":["HS256"],"typ":"JWT"}"#, #"{"typ":"JWT"}"#, #"{"alg":null}"#, #"["HS256"]"#, "HS256",
            #"{"alg":"HS256","crit":["b64"],"b64":false}"#,
        ]
    )
    func otherHeaders(_ header: String) async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        // Correctly signed with the real secret, so only the header can be the reason.
        let forged = Self.jwt(header: header, payload: Self.payloadJSON(of: token), hmac: Self.hs256)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(forged) }
    }

    @Test("a header that only adds fields still verifies")
    func extraHeaderFields() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, payload) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let header = #"{"typ":"JWT","alg":"HS256","kid":"unknown"}"#
        let resigned = Self.jwt(header: header, payload: Self.payloadJSON(of: token), hmac: Self.hs256)
        #expect(try await maker.verifyToken(resigned) == payload)
    }

    @Test("a sub that differs from username is invalid")
    func subjectMismatch() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        var claims = JWTClaims(TokenPayload(username: "carol", role: "banker", duration: .seconds(900)))
        claims.subject = SubjectClaim(value: "mallory")
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: Self.secret), digestAlgorithm: .sha256)
        let token = try await keys.sign(claims)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test(
        "malformed tokens are invalid",
        arguments: ["", "a", "a.b", "a.b.c.d", "..", "eyJhbGciOiJIUzI1NiJ9..", "eyJhbGciOiJIUzI1NiJ9.e30=.AAAA"]
    )
    func malformed(_ token: String) async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("a non-canonical spelling of a genuine signature is invalid")
    func nonCanonicalSignature() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let (token, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        // 32 bytes take 43 characters whose last one carries 2 unused bits; setting one spells the
        // same bytes differently.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let last = try #require(token.last)
        let index = try #require(alphabet.firstIndex(of: last))
        let variant = String(token.dropLast()) + String(alphabet[index | 1])
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(variant) }
    }

    @Test("PASETO tokens are invalid, and JWTs are invalid for the PASETO makers")
    func otherTokenTypes() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        let v4 = try PasetoV4PublicMaker(seed: Array(Self.secret.prefix(32)))
        let v3 = try PasetoV3LocalMaker(key: Array(Self.secret.prefix(32)))
        let (v4Token, _) = try await v4.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let (v3Token, _) = try await v3.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        let (jwtToken, _) = try await maker.createToken(username: "carol", role: "depositor", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(v4Token) }
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(v3Token) }
        await #expect(throws: TokenError.invalid) { try await v4.verifyToken(jwtToken) }
        await #expect(throws: TokenError.invalid) { try await v3.verifyToken(jwtToken) }
    }

    @Test("the secret must be at least 32 bytes")
    func secretLength() async throws {
        await #expect(throws: TokenConfigurationError("a JWT secret must be at least 32 bytes (got 31)")) {
            try await JWTMaker(secret: [UInt8](repeating: 1, count: 31))
        }
        _ = try await JWTMaker(secret: [UInt8](repeating: 1, count: 32))
    }

    @Test("descriptions and dumps never show the secret")
    func redaction() async throws {
        let maker = try await JWTMaker(secret: Self.secret)
        var dumped = ""
        dump(maker, to: &dumped)
        for text in [String(describing: maker), String(reflecting: maker), dumped] {
            #expect(!text.contains("a-jwt-secret"))
        }
    }
}
