import Crypto
import Foundation
import Testing

@testable import BankServer

@Suite("PasetoV4PublicMaker")
struct PasetoV4PublicMakerTests {
    private static let seed = hex("b4cbfb43df4ce210727d953e4a713307fa19bb7d9f85041438d9e11b942a3774")
    private let maker: PasetoV4PublicMaker

    init() throws {
        maker = try PasetoV4PublicMaker(seed: Self.seed)
    }

    @Test("a created token verifies and gives back its payload")
    func roundTrip() async throws {
        let (token, payload) = try await maker.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        #expect(token.hasPrefix("v4.public."))
        #expect(!token.dropFirst("v4.public.".count).contains("."), "no footer")
        #expect(payload.username == "alice")
        #expect(payload.role == "depositor")
        #expect(payload.expiredAt.timeIntervalSince(payload.issuedAt) == 900)
        #expect(try await maker.verifyToken(token) == payload)
    }

    @Test("a verify-only maker from the public key verifies, but cannot create tokens")
    func verifyOnly() async throws {
        let verifier = PasetoV4PublicMaker(publicKey: maker.publicKey)
        let (token, payload) = try await maker.createToken(username: "alice", role: "banker", duration: .seconds(60))
        #expect(try await verifier.verifyToken(token) == payload)
        await #expect(throws: TokenConfigurationError.self) {
            try await verifier.createToken(username: "alice", role: "banker", duration: .seconds(60))
        }
    }

    @Test("an expired token is expired")
    func expired() async throws {
        let (token, _) = try await maker.createToken(username: "alice", role: "depositor", duration: .seconds(-1))
        await #expect(throws: TokenError.expired) { try await maker.verifyToken(token) }
        let (zero, _) = try await maker.createToken(username: "alice", role: "depositor", duration: .zero)
        await #expect(throws: TokenError.expired) { try await maker.verifyToken(zero) }
    }

    @Test("changing any byte of the payload or the signature makes the token invalid", arguments: [0, 10, -65, -64, -30, -1])
    func tamperedBody(_ index: Int) async throws {
        let (token, _) = try await maker.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        let tampered = tamperingBody(of: token, header: "v4.public.") { flipBit(&$0, at: index) }
        #expect(tampered != token)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(tampered) }
    }

    @Test("a footer is authenticated, and the maker refuses footers it did not write")
    func footer() async throws {
        let payload = TokenPayload(username: "alice", role: "depositor", duration: .seconds(900))
        let withFooter = try maker.sign(try payload.jsonBytes(), footer: utf8("{\"kid\":\"a\"}"))
        #expect(try maker.open(withFooter).footer == utf8("{\"kid\":\"a\"}"))

        // Someone else's footer on a genuine signature: the signature covers the footer.
        let body = withFooter.split(separator: ".")[2]
        let swapped = "v4.public.\(body).\(Base64URL.encode(utf8("{\"kid\":\"b\"}")))"
        #expect(throws: Never.self) { try maker.open("v4.public.\(body).\(Base64URL.encode(utf8("{\"kid\":\"a\"}")))") }
        #expect(throws: TokenError.invalid) { try maker.open(swapped) }
        // A footer added to a footer-less token.
        let (token, _) = try await maker.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token + "." + Base64URL.encode(utf8("x"))) }
        // A correctly signed footer the maker never issues.
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(withFooter) }
    }

    @Test("another key's token is invalid")
    func wrongKey() async throws {
        let other = try PasetoV4PublicMaker(seed: [UInt8](repeating: 7, count: 32))
        let (token, _) = try await other.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("a v3.local token is invalid, even with the same key bytes")
    func v3LocalToken() async throws {
        let local = try PasetoV3LocalMaker(key: Self.seed)
        let (token, _) = try await local.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test(
        "headers other than exactly v4.public. are invalid",
        arguments: ["", "v4.public", "V4.PUBLIC.", "v4.local.", "v3.public.", "v2.public.", " v4.public."]
    )
    func wrongHeader(_ header: String) async throws {
        let (token, _) = try await maker.createToken(username: "alice", role: "depositor", duration: .seconds(900))
        let body = token.dropFirst("v4.public.".count)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(header + body) }
    }

    @Test(
        "malformed tokens are invalid",
        arguments: ["v4.public.", "v4.public.AAAA", "v4.public.!!!!", "v4.public.AAAA..", "v4.public.AAAA.", "jwt.a.b"])
    func malformed(_ token: String) async {
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("a genuine signature over a payload that is not ours is invalid")
    func foreignPayload() async throws {
        let token = try maker.sign(utf8(#"{"data":"this is a signed message"}"#))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("the seed must be 32 bytes")
    func seedLength() {
        #expect(throws: TokenConfigurationError.self) { try PasetoV4PublicMaker(seed: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: TokenConfigurationError.self) { try PasetoV4PublicMaker(seed: [UInt8](repeating: 1, count: 64)) }
    }

    @Test("descriptions and dumps never show the key")
    func redaction() {
        let secret = Hex.encode(Self.seed)
        var dumped = ""
        dump(maker, to: &dumped)
        for text in [String(describing: maker), String(reflecting: maker), dumped, "\(maker)"] {
            #expect(!text.contains(secret))
            #expect(!text.lowercased().contains(secret.prefix(16)))
        }
        #expect(String(describing: maker).contains("<redacted>"))
    }
}
