import BankDB
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// The bank API in the application ``buildApplication(config:options:)`` makes, over a real
/// socket: the default `SQLStore` on `DB_SOURCE`, and the peer address in the session.
@Suite("Bank API over real HTTP")
struct LiveBankAPITests {
    @Test("POST /users, login, POST /accounts over a socket; the session records the peer address 127.0.0.1")
    func live() async throws {
        try await RouteTestDatabase.with { database in
            let config = try ServerConfig(values: [
                "DB_SOURCE": database.urlString, "ENVIRONMENT": "test", "HTTP_SERVER_ADDRESS": "127.0.0.1:0",
            ])
            var options = ApplicationOptions.testing(logger: LogRecorder().makeLogger())
            options.tokenMaker = PasetoV4PublicMaker(privateKey: Curve25519.Signing.PrivateKey())
            options.mailer = RecordingMailer()
            let app = try await buildApplication(config: config, options: options)
            try await app.test(.live) { raw in
                let client = APIClient(client: raw)
                let created = try await client.send(.post, "/users", json: UserRoutesTests.createBody())
                #expect(created.status == .ok)
                let login = try await client.send(
                    .post, "/users/login", json: APIClient.json(["username": "ann", "password": UserRoutesTests.defaultPassword]))
                #expect(login.status == .ok)
                let tokens = try login.decode(LoginUserResponse.self)
                let session = try #require(try await database.store.getSession(id: tokens.sessionID))
                #expect(session.clientIP == "127.0.0.1")
                let account = try await client.send(.post, "/accounts", json: #"{"currency":"CAD"}"#, token: tokens.accessToken)
                #expect(account.status == .ok)
                #expect(try account.decode(AccountResponse.self).owner == "ann")
            }
        }
    }
}
