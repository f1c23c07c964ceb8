import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// No response of any endpoint, success or error, contains the password hash or its field name.
/// (``APIClient`` also checks every response of every route test for `hashed_password` and `$2b$`.)
@Suite("No password hash in responses")
struct NoPasswordHashTests {
    @Test("every endpoint's responses, successes and errors")
    func noHash() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            var bodies: [String] = []
            func record(_ response: TestResponse) { bodies.append(response.text) }

            record(try await client.send(.post, "/users", json: UserRoutesTests.createBody()))
            record(try await client.send(.post, "/users", json: UserRoutesTests.createBody()))  // 409
            let login = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": UserRoutesTests.defaultPassword]))
            record(login)
            record(try await client.send(.post, "/users/login", json: APIClient.json(["username": "ann", "password": "wrong-one"])))
            let tokens = try login.decode(LoginUserResponse.self)
            record(try await client.send(.post, "/tokens/renew_access", json: APIClient.json(["refresh_token": tokens.refreshToken])))
            record(try await client.send(.patch, "/users/ann", json: #"{"full_name":"Ann Smith"}"#, token: tokens.accessToken))
            record(try await client.send(.patch, "/users/ann", json: #"{"password":"new-secret"}"#, token: tokens.accessToken))
            record(try await client.send(.patch, "/users/bob", json: #"{"full_name":"Bob"}"#, token: tokens.accessToken))  // 403
            try await harness.deliverMail()
            if let link = harness.mailer.mails.first?.link, let query = link.query {
                record(try await client.send(.get, "/verify_email?\(query)"))
            }
            record(try await client.send(.post, "/accounts", json: #"{"currency":"USD"}"#, token: tokens.accessToken))
            record(try await client.send(.get, "/accounts/1", token: tokens.accessToken))
            record(try await client.send(.get, "/accounts?page_id=1&page_size=5", token: tokens.accessToken))
            record(
                try await client.send(
                    .post, "/transfers", json: #"{"from_account_id":1,"to_account_id":2,"amount":5,"currency":"USD"}"#,
                    token: tokens.accessToken))

            let hash = try #require(try await harness.store.getUser(username: "ann")).hashedPassword
            #expect(bodies.count == 13)
            for body in bodies {
                #expect(!body.contains("hashed_password"), "\(body)")
                #expect(!body.contains(hash), "\(body)")
                #expect(!body.contains("\"password\":"), "\(body)")
            }
            #expect(bodies.contains { $0.contains("\"full_name\":\"Ann Smith\"") })
        }
    }
}
