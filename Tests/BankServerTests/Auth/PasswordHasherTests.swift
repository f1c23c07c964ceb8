import Testing

@testable import BankServer

@Suite("PasswordHasher")
struct PasswordHasherTests {
    @Test("bcrypt round trip at cost 4; a wrong password or a malformed hash does not match")
    func roundTrip() async throws {
        let hasher = PasswordHasher(cost: 4)
        let hash = try await hasher.hash("secret123")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(hash.count == 60)
        #expect(try await hasher.verify("secret123", hash: hash))
        #expect(try await !hasher.verify("secret124", hash: hash))
        #expect(try await !hasher.verify("secret123", hash: "not a hash"))
        // Salted: the same password hashes differently each time.
        #expect(try await hasher.hash("secret123") != hash)
    }

    @Test("cost 12 by default")
    func defaultCost() {
        #expect(PasswordHasher().cost == 12)
        #expect(PasswordHasher(cost: 4).description == "PasswordHasher(bcrypt, cost: 4)")
    }
}
