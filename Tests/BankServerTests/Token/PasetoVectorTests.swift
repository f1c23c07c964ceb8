import Crypto
import Foundation
import Testing

@testable import BankServer

/// The official PASETO test vectors (paseto-standard/test-vectors, ISC licence in
/// `Resources/paseto/LICENSE`) run through the low-level sign/open and encrypt/decrypt of the makers.
@Suite("PASETO test vectors")
struct PasetoVectorTests {
    /// The key every v3.local vector uses.
    private static let vectorSymmetricKey = hex("707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f")

    // MARK: v4.public

    @Test("v4.public: signing reproduces the token byte for byte, verifying gives the payload", arguments: PasetoVectorSelection.v4Sign)
    func v4PublicSignAndVerify(_ vector: PasetoVector) throws {
        let seed = try #require(vector.secretKeySeed.map(hex))
        // The 64-byte secret key is seed || public key; the seed is what the maker takes.
        let secretKey = hex(try #require(vector.secretKey))
        #expect(Array(secretKey.prefix(32)) == seed)
        let publicKey = hex(try #require(vector.publicKey))
        let payload = utf8(try #require(vector.payload))

        let maker = try PasetoV4PublicMaker(seed: seed)
        #expect(Array(maker.publicKey.rawRepresentation) == publicKey)
        // Ed25519 in swift-crypto on Linux (BoringSSL) is deterministic, as the spec's test vectors
        // assume; CryptoKit on Apple platforms randomises signatures, so only verification would match.
        #if os(Linux)
            let token = try maker.sign(payload, footer: vector.footerBytes, implicitAssertion: vector.implicitAssertionBytes)
            #expect(token == vector.token)
        #endif

        let verifier = PasetoV4PublicMaker(publicKey: try Curve25519.Signing.PublicKey(rawRepresentation: publicKey))
        let opened = try verifier.open(vector.token, implicitAssertion: vector.implicitAssertionBytes)
        #expect(opened.message == payload)
        #expect(opened.footer == vector.footerBytes)

        // The implicit assertion is authenticated although it is not in the token.
        #expect(throws: TokenError.invalid) {
            try verifier.open(vector.token, implicitAssertion: utf8("{\"test-vector\":\"other\"}"))
        }
    }

    // MARK: v3.local

    @Test(
        "v3.local: encrypting with the vector's nonce reproduces the token, decrypting gives the payload", arguments: PasetoVectorSelection.v3Encrypt)
    func v3LocalEncryptAndDecrypt(_ vector: PasetoVector) throws {
        let maker = try PasetoV3LocalMaker(key: hex(try #require(vector.key)))
        let nonce = hex(try #require(vector.nonce))
        let payload = utf8(try #require(vector.payload))

        let token = try maker.encrypt(payload, footer: vector.footerBytes, implicitAssertion: vector.implicitAssertionBytes, nonce: nonce)
        #expect(token == vector.token)

        let opened = try maker.decrypt(vector.token, implicitAssertion: vector.implicitAssertionBytes)
        #expect(opened.message == payload)
        #expect(opened.footer == vector.footerBytes)

        #expect(throws: TokenError.invalid) {
            try maker.decrypt(vector.token, implicitAssertion: utf8("{\"test-vector\":\"other\"}"))
        }
    }

    // MARK: Expected failures

    /// A verifier this server has, configured from the vector's key material.
    enum Verifier: Sendable {
        case v3Local
        case v4Public
    }

    /// Which of our verifiers each expected-failure vector is run against, and why. Every `3-F-*`
    /// and `4-F-*` vector must appear here (checked by `PasetoVectorCoverageTests`).
    static let failureTargets: [String: [Verifier]] = [
        // A v3.local token given to a public key (v3.public is not implemented; v4.public is our
        // public-purpose verifier).
        "3-F-1": [.v4Public],
        // A v3.public token given to a local key.
        "3-F-2": [.v3Local, .v4Public],
        // A v4.local token given to a v3 key.
        "3-F-3": [.v3Local],
        // 3-E-1 with its last character changed in bits that carry no data: a lenient base64
        // decoder yields the same bytes and accepts it; only canonical base64url refuses it.
        "3-F-4": [.v3Local],
        // A padded body ("=").
        "3-F-5": [.v3Local],
        // A v4.local token given to a v4 public key.
        "4-F-1": [.v4Public],
        // A v4.public token given to a local key; its signature is also not the vector key's.
        "4-F-2": [.v3Local, .v4Public],
        // A genuine v3.local token (our v3.local maker decrypts it with this key) given to a v4 key:
        // the v4 verifier must refuse it on the header alone.
        "4-F-3": [.v4Public],
        // v4.local with a tampered tag, and v4.local padded: v4.local is not implemented, so the
        // check is that every verifier we have refuses the v4.local header.
        "4-F-4": [.v3Local, .v4Public],
        "4-F-5": [.v3Local, .v4Public],
    ]

    @Test("expected failures are refused", arguments: PasetoVectorSelection.v3Failures + PasetoVectorSelection.v4Failures)
    func expectedFailure(_ vector: PasetoVector) throws {
        #expect(vector.expectFail)
        let verifiers = try #require(Self.failureTargets[vector.name], "no verifier chosen for \(vector.name)")
        for verifier in verifiers {
            switch verifier {
            case .v3Local:
                let maker = try PasetoV3LocalMaker(key: vector.key.map(hex) ?? Self.vectorSymmetricKey)
                #expect(throws: TokenError.invalid, "\(vector.name) v3.local") {
                    try maker.decrypt(vector.token, implicitAssertion: vector.implicitAssertionBytes)
                }
            case .v4Public:
                let maker = PasetoV4PublicMaker(publicKey: try Self.v4PublicKey(for: vector))
                #expect(throws: TokenError.invalid, "\(vector.name) v4.public") {
                    try maker.open(vector.token, implicitAssertion: vector.implicitAssertionBytes)
                }
            }
        }
    }

    /// The vector's Ed25519 public key, or the one of the v4.public vectors when it has none
    /// (v3 vectors carry P-384 keys).
    private static func v4PublicKey(for vector: PasetoVector) throws -> Curve25519.Signing.PublicKey {
        if let text = vector.publicKey, text.utf8.count == 64 {
            return try Curve25519.Signing.PublicKey(rawRepresentation: hex(text))
        }
        let signVector = try #require(PasetoVectorSelection.v4Sign.first)
        return try Curve25519.Signing.PublicKey(rawRepresentation: hex(try #require(signVector.publicKey)))
    }
}

/// Nothing in the vector files is skipped silently.
@Suite("PASETO test vector coverage")
struct PasetoVectorCoverageTests {
    @Test("the vector files load and every vector is run or knowingly skipped")
    func everyVectorIsAccountedFor() throws {
        let all = try PasetoVector.load("v3") + PasetoVector.load("v4")
        let run = PasetoVectorSelection.v4Sign + PasetoVectorSelection.v4Failures + PasetoVectorSelection.v3Encrypt + PasetoVectorSelection.v3Failures
        let runNames = Set(run.map(\.name))
        let skipped = all.map(\.name).filter { !runNames.contains($0) }

        // Only v4.local (4-E-*) and v3.public (3-S-*) are left out; see PasetoVectorSelection.
        #expect(skipped.allSatisfy(PasetoVectorSelection.isKnowinglySkipped), "unexpectedly skipped: \(skipped)")
        #expect(skipped.sorted() == ((1...3).map { "3-S-\($0)" } + (1...9).map { "4-E-\($0)" }))
        #expect(all.count == run.count + skipped.count)

        // The selections are not empty by accident (e.g. a renamed file), and match the files.
        #expect(PasetoVectorSelection.v4Sign.count == 3)
        #expect(PasetoVectorSelection.v4Failures.count == 5)
        #expect(PasetoVectorSelection.v3Encrypt.count == 9)
        #expect(PasetoVectorSelection.v3Failures.count == 5)
        #expect(run.allSatisfy { $0.expectFail == $0.name.contains("-F-") })

        let failureNames = (PasetoVectorSelection.v3Failures + PasetoVectorSelection.v4Failures).map(\.name)
        #expect(Set(failureNames) == Set(PasetoVectorTests.failureTargets.keys))
    }

    @Test("the ISC licence travels with the vectors")
    func licenceIsBundled() throws {
        let url = try #require(Bundle.module.url(forResource: "LICENSE", withExtension: nil, subdirectory: "Resources/paseto"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("ISC License"))
    }
}
