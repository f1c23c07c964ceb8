import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// `POST /transfers` on a fresh database: ann owns USD account 1 (balance 100) and EUR account 3,
/// bob owns USD account 2 (balance 100); ids are those of a fresh database.
@Suite("Transfer routes")
struct TransferRoutesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var caller: String? = "ann"
        var from: Int64 = 1
        var to: Int64 = 2
        var amount: Int64 = 10
        var currency = "USD"
        var status: HTTPResponse.Status
        var detail: String?
        var testDescription: String { name }

        var body: String {
            APIClient.json(["from_account_id": from, "to_account_id": to, "amount": amount, "currency": currency])
        }
    }

    static let cases: [Case] = [
        Case(name: "ok: 200", status: .ok),
        Case(name: "unauthorized user: 403", caller: "bob", status: .forbidden, detail: "from account doesn't belong to the authenticated user"),
        Case(name: "no authorization: 401", caller: nil, status: .unauthorized, detail: "authorization header is not provided"),
        Case(name: "from account not found: 404", from: 99, status: .notFound, detail: "account 99 not found"),
        Case(name: "to account not found: 404", to: 99, status: .notFound, detail: "account 99 not found"),
        Case(name: "from currency mismatch: 422", from: 3, status: .unprocessableContent, detail: "account 3 currency mismatch: EUR vs USD"),
        Case(
            name: "to currency mismatch: 422", from: 1, to: 3, status: .unprocessableContent, detail: "account 3 currency mismatch: EUR vs USD"),
        Case(name: "invalid currency: 400", currency: "XYZ", status: .badRequest, detail: "currency must be one of USD, EUR, CAD"),
        Case(name: "negative amount: 400", amount: -1, status: .badRequest, detail: "amount must be greater than 0"),
        Case(name: "zero amount: 400", amount: 0, status: .badRequest, detail: "amount must be greater than 0"),
        Case(name: "insufficient funds: 422", amount: 101, status: .unprocessableContent, detail: "insufficient funds"),
        Case(name: "invalid from id: 400", from: 0, status: .badRequest, detail: "from_account_id must be at least 1"),
        Case(name: "invalid to id: 400", to: -5, status: .badRequest, detail: "to_account_id must be at least 1"),
        Case(name: "same account: 422", to: 1, status: .unprocessableContent, detail: "from_account_id and to_account_id must differ"),
    ]

    @Test("POST /transfers", arguments: cases)
    func transfer(_ test: Case) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.createUser("bob")
            let annUSD = try await harness.createAccount(owner: "ann", currency: "USD", balance: 100)
            let bobUSD = try await harness.createAccount(owner: "bob", currency: "USD", balance: 100)
            let annEUR = try await harness.createAccount(owner: "ann", currency: "EUR", balance: 100)
            #expect([annUSD.id, bobUSD.id, annEUR.id] == [1, 2, 3])

            let token = try await test.caller.asyncMap { try await harness.token($0) }
            let response = try await client.send(.post, "/transfers", json: test.body, token: token)
            #expect(response.status == test.status)
            if let detail = test.detail { #expect(response.detail == detail) }

            let balances = try await [1, 2, 3].asyncMap { try await harness.store.getAccount(id: $0)?.balance }
            if test.status == .ok {
                let result = try response.decode(TransferResultResponse.self)
                #expect(result.transfer.fromAccountID == 1 && result.transfer.toAccountID == 2 && result.transfer.amount == 10)
                #expect(result.fromAccount.balance == 90 && result.toAccount.balance == 110)
                #expect(result.fromEntry.accountID == 1 && result.fromEntry.amount == -10)
                #expect(result.toEntry.accountID == 2 && result.toEntry.amount == 10)
                #expect(balances == [90, 110, 100])
                let object = try #require(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(Set(object.keys) == ["transfer", "from_account", "to_account", "from_entry", "to_entry"])
                #expect((object["transfer"] as? [String: Any])?["from_account_id"] as? Int == 1)
            } else {
                // Nothing moved.
                #expect(balances == [100, 100, 100])
            }
        }
    }

    @Test("POST /transfers: a body without a field, or with a string amount, is 400")
    func malformed() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let token = try await harness.token("ann")
            let missing = try await client.send(.post, "/transfers", json: #"{"from_account_id":1,"amount":5,"currency":"USD"}"#, token: token)
            #expect(missing.status == .badRequest)
            #expect(missing.detail == "missing field `to_account_id`")
            let text = try await client.send(
                .post, "/transfers", json: #"{"from_account_id":1,"to_account_id":2,"amount":"5","currency":"USD"}"#, token: token)
            #expect(text.status == .badRequest)
            #expect(text.detail?.hasPrefix("field `amount` must be") == true)
        }
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Array {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
