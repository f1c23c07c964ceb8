import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// `POST /accounts`, `GET /accounts/{id}`, `GET /accounts` on a fresh database.
@Suite("Account routes")
struct AccountRoutesTests {
    /// How the request is authorised.
    enum Auth: Sendable {
        case owner
        case otherUser
        case none
        case scheme(String)
        case malformed
        case expired
    }

    static func headers(_ auth: Auth, harness: BankAPIHarness) async throws -> (token: String?, headers: HTTPFields) {
        switch auth {
        case .owner: return (try await harness.token("ann"), [:])
        case .otherUser: return (try await harness.token("bob"), [:])
        case .none: return (nil, [:])
        case .scheme(let scheme): return (nil, [.authorization: "\(scheme) \(try await harness.token("ann"))"])
        case .malformed: return (nil, [.authorization: try await harness.token("ann")])
        case .expired: return (try await harness.token("ann", duration: .seconds(-60)), [:])
        }
    }

    struct GetCase: Sendable, CustomTestStringConvertible {
        var name: String
        var auth: Auth = .owner
        /// nil: the account made in the test.
        var id: String?
        var status: HTTPResponse.Status
        var detail: String?
        var testDescription: String { name }
    }

    static let getCases: [GetCase] = [
        GetCase(name: "owner: 200", status: .ok),
        GetCase(name: "not found: 404", id: "999999", status: .notFound, detail: "account 999999 not found"),
        GetCase(name: "invalid id 0: 400", id: "0", status: .badRequest, detail: "id must be at least 1"),
        GetCase(name: "invalid id text: 400", id: "abc", status: .badRequest, detail: "id must be an integer"),
        GetCase(
            name: "unauthorized user: 403", auth: .otherUser, status: .forbidden, detail: "account doesn't belong to the authenticated user"),
        GetCase(name: "no authorization: 401", auth: .none, status: .unauthorized, detail: "authorization header is not provided"),
        GetCase(
            name: "unsupported authorization type: 401", auth: .scheme("Basic"), status: .unauthorized,
            detail: "unsupported authorization type basic"),
        GetCase(name: "invalid authorization format: 401", auth: .malformed, status: .unauthorized, detail: "invalid authorization header format"),
        GetCase(name: "expired token: 401", auth: .expired, status: .unauthorized, detail: "token has expired"),
    ]

    @Test("GET /accounts/{id}", arguments: getCases)
    func getAccount(_ test: GetCase) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.createUser("bob")
            let account = try await harness.createAccount(owner: "ann", balance: 42)
            let (token, headers) = try await Self.headers(test.auth, harness: harness)
            let response = try await client.send(.get, "/accounts/\(test.id ?? String(account.id))", token: token, headers: headers)
            #expect(response.status == test.status)
            if let detail = test.detail { #expect(response.detail == detail) }
            if test.status == .ok { #expect(try response.decode(AccountResponse.self) == viaJSON(AccountResponse(account))) }
            if test.status == .unauthorized { #expect(response.headers[.wwwAuthenticate] == "Bearer") }
        }
    }

    @Test("POST /accounts: 200 with balance 0 owned by the token's user")
    func createAccount() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let response = try await client.send(.post, "/accounts", json: #"{"currency":"EUR"}"#, token: try await harness.token("ann"))
            #expect(response.status == .ok)
            let account = try response.decode(AccountResponse.self)
            #expect(account.owner == "ann" && account.currency == "EUR" && account.balance == 0)
            let stored = try #require(try await harness.store.getAccount(id: account.id))
            #expect(try viaJSON(AccountResponse(stored)) == account)
        }
    }

    @Test(
        "POST /accounts: errors",
        arguments: [
            (#"{"currency":"XYZ"}"#, "ann", HTTPResponse.Status.badRequest, "currency must be one of USD, EUR, CAD"),
            (#"{"currency":"usd"}"#, "ann", .badRequest, "currency must be one of USD, EUR, CAD"),
            (#"{}"#, "ann", .badRequest, "missing field `currency`"),
            (#"{"currency":"USD"}"#, "ann", .conflict, "an account in USD already exists"),
            (#"{"currency":"EUR"}"#, "ghost", .forbidden, "user ghost does not exist"),
            (#"{"currency":"EUR"}"#, "", .unauthorized, "authorization header is not provided"),
        ])
    func createAccountErrors(body: String, caller: String, status: HTTPResponse.Status, detail: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            _ = try await harness.createAccount(owner: "ann", currency: "USD")
            let token = caller.isEmpty ? nil : try await harness.token(caller)
            let response = try await client.send(.post, "/accounts", json: body, token: token)
            #expect(response.status == status)
            #expect(response.detail == detail)
        }
    }

    @Test("GET /accounts: pages of the caller's accounts only, disjoint, empty past the end")
    func listAccounts() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.createUser("bob")
            // Owners are unique per currency, so more accounts need more users: ann has 3, bob 3.
            var annIDs: [Int64] = []
            for currency in ["USD", "EUR", "CAD"] {
                annIDs.append(try await harness.createAccount(owner: "ann", currency: currency).id)
                _ = try await harness.createAccount(owner: "bob", currency: currency)
            }
            let token = try await harness.token("ann")

            let first = try await client.send(.get, "/accounts?page_id=1&page_size=5", token: token)
            #expect(first.status == .ok)
            let accounts = try first.decode([AccountResponse].self)
            #expect(accounts.map(\.id) == annIDs)
            #expect(accounts.allSatisfy { $0.owner == "ann" })
            let second = try await client.send(.get, "/accounts?page_id=2&page_size=5", token: token)
            #expect(second.status == .ok)
            #expect(second.text == "[]")
        }
    }

    @Test("GET /accounts: pages are disjoint and together hold every account")
    func pagesDisjoint() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            // Twelve accounts for ann, written with SQL: the unique (owner, currency) pair allows
            // only three through the API, but the listing does not care about currencies.
            try await harness.sql("ALTER TABLE accounts DROP CONSTRAINT owner_currency_key")
            var ids: [Int64] = []
            for _ in 0..<12 { ids.append(try await harness.createAccount(owner: "ann").id) }
            let token = try await harness.token("ann")
            var seen: [Int64] = []
            for page in 1...3 {
                let response = try await client.send(.get, "/accounts?page_id=\(page)&page_size=5", token: token)
                #expect(response.status == .ok)
                let accounts = try response.decode([AccountResponse].self)
                #expect(accounts.count == [5, 5, 2][page - 1])
                seen += accounts.map(\.id)
            }
            #expect(seen == ids)
            #expect(Set(seen).count == seen.count)
        }
    }

    @Test(
        "GET /accounts: invalid pagination is 400; no token 401",
        arguments: [
            ("page_id=1&page_size=4", HTTPResponse.Status.badRequest, "page_size must be between 5 and 10"),
            ("page_id=1&page_size=11", .badRequest, "page_size must be between 5 and 10"),
            ("page_id=0&page_size=5", .badRequest, "page_id must be at least 1"),
            ("page_size=5", .badRequest, "page_id is required"),
            ("page_id=x&page_size=5", .badRequest, "page_id must be an integer"),
            ("no-token", .unauthorized, "authorization header is not provided"),
        ])
    func listErrors(query: String, status: HTTPResponse.Status, detail: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let token = query == "no-token" ? nil : try await harness.token("ann")
            let response = try await client.send(.get, "/accounts?\(query == "no-token" ? "page_id=1&page_size=5" : query)", token: token)
            #expect(response.status == status)
            #expect(response.detail == detail)
        }
    }
}
