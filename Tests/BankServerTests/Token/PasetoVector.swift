import Foundation
import Testing

@testable import BankServer

/// One test of the official PASETO vector files (`Resources/paseto/v3.json`, `v4.json`, ISC
/// licence alongside). Fields that a test kind does not use are nil.
struct PasetoVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let expectFail: Bool
    let key: String?
    let nonce: String?
    let publicKey: String?
    let secretKey: String?
    let secretKeySeed: String?
    let token: String
    let payload: String?
    let footer: String
    let implicitAssertion: String

    enum CodingKeys: String, CodingKey {
        case name
        case expectFail = "expect-fail"
        case key
        case nonce
        case publicKey = "public-key"
        case secretKey = "secret-key"
        case secretKeySeed = "secret-key-seed"
        case token
        case payload
        case footer
        case implicitAssertion = "implicit-assertion"
    }

    var testDescription: String { name }

    var footerBytes: [UInt8] { Array(footer.utf8) }
    var implicitAssertionBytes: [UInt8] { Array(implicitAssertion.utf8) }

    /// The named vector file's tests.
    static func load(_ file: String) throws -> [PasetoVector] {
        struct File: Decodable { let tests: [PasetoVector] }
        let url = try #require(Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Resources/paseto"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).tests
    }

    /// For test arguments, which are computed before any test runs: an unreadable file gives no
    /// arguments here, and `PasetoVectorCoverageTests` fails loudly instead.
    static func loadForArguments(_ file: String) -> [PasetoVector] {
        (try? load(file)) ?? []
    }
}

/// Which vectors each test runs, in one place so that the coverage test can prove that every
/// vector is either run or knowingly skipped.
enum PasetoVectorSelection {
    static let v3 = PasetoVector.loadForArguments("v3")
    static let v4 = PasetoVector.loadForArguments("v4")

    /// v4.public sign/verify vectors.
    static let v4Sign = v4.filter { $0.name.hasPrefix("4-S-") }
    /// v4 expected failures.
    static let v4Failures = v4.filter { $0.name.hasPrefix("4-F-") }
    /// v3.local encrypt/decrypt vectors.
    static let v3Encrypt = v3.filter { $0.name.hasPrefix("3-E-") }
    /// v3 expected failures.
    static let v3Failures = v3.filter { $0.name.hasPrefix("3-F-") }

    /// Not run, because this server implements neither v4.local (XChaCha20 and BLAKE2b are not in
    /// swift-crypto) nor v3.public (P-384; not a token type of the server).
    static func isKnowinglySkipped(_ name: String) -> Bool {
        name.hasPrefix("4-E-") || name.hasPrefix("3-S-")
    }
}
