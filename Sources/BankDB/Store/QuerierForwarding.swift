import Foundation

/// A `Querier` that answers every query method by calling the same method on another querier,
/// through one `forward` hook. `SQLStore` forwards to `Queries` and maps errors to `StoreError`
/// there; `MockStore` forwards to a `MockQuerier` unchanged.
///
/// A new query in `db/query` adds a requirement to `Querier`; until it is forwarded here too,
/// both stores stop compiling, which is the reminder.
///
/// ```swift
/// struct LoggingQuerier: QuerierForwarding {
///     let base: Queries
///     func forward<T>(_ call: (any Querier) async throws -> T) async throws -> T {
///         print("query"); return try await call(base)
///     }
/// }
/// ```
public protocol QuerierForwarding: Querier {
    /// Runs one query method on the wrapped querier.
    func forward<T>(_ call: (any Querier) async throws -> T) async throws -> T
}

extension QuerierForwarding {
    public func createAccount(owner: String, balance: Int64, currency: String) async throws -> Account {
        try await forward { try await $0.createAccount(owner: owner, balance: balance, currency: currency) }
    }

    public func getAccount(id: Int64) async throws -> Account? {
        try await forward { try await $0.getAccount(id: id) }
    }

    public func getAccountForUpdate(id: Int64) async throws -> Account? {
        try await forward { try await $0.getAccountForUpdate(id: id) }
    }

    public func getAccountPairForUpdate(firstID: Int64, secondID: Int64) async throws -> [Account] {
        try await forward { try await $0.getAccountPairForUpdate(firstID: firstID, secondID: secondID) }
    }

    public func listAccounts(owner: String, limit: Int64, offset: Int64) async throws -> [Account] {
        try await forward { try await $0.listAccounts(owner: owner, limit: limit, offset: offset) }
    }

    public func updateAccount(id: Int64, balance: Int64) async throws -> Account? {
        try await forward { try await $0.updateAccount(id: id, balance: balance) }
    }

    public func addAccountBalance(amount: Int64, id: Int64) async throws -> Account? {
        try await forward { try await $0.addAccountBalance(amount: amount, id: id) }
    }

    public func addAccountBalanceNoOverdraft(amount: Int64, id: Int64) async throws -> Account? {
        try await forward { try await $0.addAccountBalanceNoOverdraft(amount: amount, id: id) }
    }

    public func deleteAccount(id: Int64) async throws {
        try await forward { try await $0.deleteAccount(id: id) }
    }

    public func createEntry(accountID: Int64, amount: Int64) async throws -> Entry {
        try await forward { try await $0.createEntry(accountID: accountID, amount: amount) }
    }

    public func getEntry(id: Int64) async throws -> Entry? {
        try await forward { try await $0.getEntry(id: id) }
    }

    public func listEntries(accountID: Int64, limit: Int64, offset: Int64) async throws -> [Entry] {
        try await forward { try await $0.listEntries(accountID: accountID, limit: limit, offset: offset) }
    }

    public func createSession(_ params: CreateSessionParams) async throws -> Session {
        try await forward { try await $0.createSession(params) }
    }

    public func getSession(id: UUID) async throws -> Session? {
        try await forward { try await $0.getSession(id: id) }
    }

    public func blockUserSessions(username: String) async throws -> Int {
        try await forward { try await $0.blockUserSessions(username: username) }
    }

    public func createTransfer(fromAccountID: Int64, toAccountID: Int64, amount: Int64) async throws -> Transfer {
        try await forward { try await $0.createTransfer(fromAccountID: fromAccountID, toAccountID: toAccountID, amount: amount) }
    }

    public func getTransfer(id: Int64) async throws -> Transfer? {
        try await forward { try await $0.getTransfer(id: id) }
    }

    public func listTransfers(fromAccountID: Int64, toAccountID: Int64, limit: Int64, offset: Int64) async throws -> [Transfer] {
        try await forward {
            try await $0.listTransfers(fromAccountID: fromAccountID, toAccountID: toAccountID, limit: limit, offset: offset)
        }
    }

    public func postTransfer(fromAccountID: Int64, toAccountID: Int64, amount: Int64) async throws -> PostTransferRow? {
        try await forward { try await $0.postTransfer(fromAccountID: fromAccountID, toAccountID: toAccountID, amount: amount) }
    }

    public func createUser(username: String, hashedPassword: String, fullName: String, email: String) async throws -> User {
        try await forward {
            try await $0.createUser(username: username, hashedPassword: hashedPassword, fullName: fullName, email: email)
        }
    }

    public func getUser(username: String) async throws -> User? {
        try await forward { try await $0.getUser(username: username) }
    }

    public func updateUser(_ params: UpdateUserParams) async throws -> User? {
        try await forward { try await $0.updateUser(params) }
    }

    public func createVerifyEmail(username: String, email: String, secretCode: String) async throws -> VerifyEmail {
        try await forward { try await $0.createVerifyEmail(username: username, email: email, secretCode: secretCode) }
    }

    public func updateVerifyEmail(id: Int64, secretCode: String) async throws -> VerifyEmail? {
        try await forward { try await $0.updateVerifyEmail(id: id, secretCode: secretCode) }
    }
}
