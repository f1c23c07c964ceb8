import Foundation
import Testing

@testable import BankServer

@Suite("PasetoV3LocalMaker")
struct PasetoV3LocalMakerTests {
    private static let key = utf8("12345678901234567890123456789012")
    private let maker: PasetoV3LocalMaker

    init() throws {
        maker = try PasetoV3LocalMaker(key: Self.key)
    }

    @Test("a created token verifies and gives back its payload")
    func roundTrip() async throws {
        let (token, payload) = try await maker.createToken(username: "bob", role: "banker", duration: .seconds(86_400))
        #expect(token.hasPrefix("v3.local."))
        #expect(payload.username == "bob")
        #expect(payload.role == "banker")
        #expect(try await maker.verifyToken(token) == payload)
        // The payload is encrypted: the username is not visible in the token.
        #expect(!String(decoding: Base64URL.decode(token.dropFirst("v3.local.".count)) ?? [], as: UTF8.self).contains("bob"))
    }

    @Test("every token has a fresh random nonce")
    func randomNonce() throws {
        let message = utf8("same message")
        let first = try maker.encrypt(message)
        let second = try maker.encrypt(message)
        #expect(first != second)
        #expect(try maker.decrypt(first).message == message)
        #expect(try maker.decrypt(second).message == message)
        #expect(throws: TokenConfigurationError.self) { try maker.encrypt(message, nonce: [1, 2, 3]) }
    }

    @Test("an expired token is expired")
    func expired() async throws {
        let (token, _) = try await maker.createToken(username: "bob", role: "banker", duration: .seconds(-1))
        await #expect(throws: TokenError.expired) { try await maker.verifyToken(token) }
    }

    /// Nonce (first 32 bytes), ciphertext, tag (last 48 bytes).
    @Test("changing any byte of the nonce, ciphertext or tag makes the token invalid", arguments: [0, 31, 32, 40, -49, -48, -1])
    func tamperedBody(_ index: Int) async throws {
        let (token, _) = try await maker.createToken(username: "bob", role: "banker", duration: .seconds(900))
        let tampered = tamperingBody(of: token, header: "v3.local.") { flipBit(&$0, at: index) }
        #expect(tampered != token)
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(tampered) }
    }

    @Test("a footer is authenticated, and the maker refuses footers it did not write")
    func footer() async throws {
        let payload = TokenPayload(username: "bob", role: "banker", duration: .seconds(900))
        let withFooter = try maker.encrypt(try payload.jsonBytes(), footer: utf8("{\"kid\":\"a\"}"))
        #expect(try maker.decrypt(withFooter).footer == utf8("{\"kid\":\"a\"}"))
        let body = withFooter.split(separator: ".")[2]
        let swapped = "v3.local.\(body).\(Base64URL.encode(utf8("{\"kid\":\"b\"}")))"
        #expect(throws: Never.self) { try maker.decrypt("v3.local.\(body).\(Base64URL.encode(utf8("{\"kid\":\"a\"}")))") }
        #expect(throws: TokenError.invalid) { try maker.decrypt(swapped) }

        let (token, _) = try await maker.createToken(username: "bob", role: "banker", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token + "." + Base64URL.encode(utf8("x"))) }
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(withFooter) }
    }

    @Test("another key's token is invalid")
    func wrongKey() async throws {
        let other = try PasetoV3LocalMaker(key: utf8("abcdefghijklmnopqrstuvwxyz012345"))
        let (token, _) = try await other.createToken(username: "bob", role: "banker", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("a v4.public token is invalid")
    func v4PublicToken() async throws {
        let signer = try PasetoV4PublicMaker(seed: Self.key)
        let (token, _) = try await signer.createToken(username: "bob", role: "banker", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(token) }
    }

    @Test("headers other than exactly v3.local. are invalid", arguments: ["", "v3.local", "V3.LOCAL.", "v4.local.", "v3.public.", "v1.local."])
    func wrongHeader(_ header: String) async throws {
        let (token, _) = try await maker.createToken(username: "bob", role: "banker", duration: .seconds(900))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(header + token.dropFirst("v3.local.".count)) }
    }

    @Test("a body shorter than nonce and tag is invalid")
    func shortBody() async {
        let short = "v3.local." + Base64URL.encode([UInt8](repeating: 0, count: 79))
        await #expect(throws: TokenError.invalid) { try await maker.verifyToken(short) }
    }

    @Test("the key must be 32 bytes")
    func keyLength() {
        #expect(throws: TokenConfigurationError.self) { try PasetoV3LocalMaker(key: utf8("short")) }
        #expect(throws: TokenConfigurationError.self) { try PasetoV3LocalMaker(key: [UInt8](repeating: 1, count: 33)) }
    }

    @Test("descriptions and dumps never show the key")
    func redaction() {
        var dumped = ""
        dump(maker, to: &dumped)
        for text in [String(describing: maker), String(reflecting: maker), dumped] {
            #expect(!text.contains("1234567890"))
            #expect(!text.contains(Hex.encode(Self.key).prefix(16)))
        }
    }
}
