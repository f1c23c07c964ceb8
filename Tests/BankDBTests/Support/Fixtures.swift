import BankDB
import Foundation

/// Rows the tests build on, with random data unless a test pins a value.
extension Querier {
    func makeUser(username: String = RandomData.username(), email: String = RandomData.email()) async throws -> User {
        try await createUser(username: username, hashedPassword: RandomData.string(20), fullName: RandomData.fullName(), email: email)
    }

    /// An account of a new user unless `owner` is given.
    func makeAccount(owner: String? = nil, balance: Int64 = RandomData.money(), currency: String = RandomData.currency()) async throws
        -> Account
    {
        let owner = if let owner { owner } else { try await makeUser().username }
        return try await createAccount(owner: owner, balance: balance, currency: currency)
    }

    func makeTransfer(from: Account, to: Account, amount: Int64 = RandomData.amount()) async throws -> Transfer {
        try await createTransfer(fromAccountID: from.id, toAccountID: to.id, amount: amount)
    }

    func makeSession(username: String, expiresAt: Date = Date().addingTimeInterval(3_600)) async throws -> Session {
        try await createSession(
            CreateSessionParams(
                id: UUID(), username: username, refreshToken: RandomData.string(40), userAgent: "BankDBTests/" + RandomData.string(4),
                clientIP: "10.0.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))", isBlocked: false, expiresAt: expiresAt))
    }
}
