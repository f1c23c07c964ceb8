import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresTestSupport
import Testing

@testable import BankServer

/// `GET /verify_email` on a fresh database, with the link the mailer got from `POST /users`.
@Suite("Verify email route")
struct VerifyEmailRoutesTests {
    enum Kind: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case success, wrongCode, used, expired, unknownID, missingCode, shortCode, invalidID
        var testDescription: String { rawValue }
    }

    @Test("GET /verify_email", arguments: Kind.allCases)
    func verify(_ kind: Kind) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            let created = try await client.send(.post, "/users", json: UserRoutesTests.createBody())
            #expect(created.status == .ok)
            try await harness.deliverMail()
            let link = try #require(harness.mailer.mails.first?.link)
            let items = try #require(URLComponents(url: link, resolvingAgainstBaseURL: false)?.queryItems)
            let id = try #require(items.first { $0.name == "email_id" }?.value)
            let code = try #require(items.first { $0.name == "secret_code" }?.value)

            var query = "email_id=\(id)&secret_code=\(code)"
            switch kind {
            case .success: break
            case .wrongCode: query = "email_id=\(id)&secret_code=\(String(repeating: "a", count: 32))"
            case .used:
                let first = try await client.send(.get, "/verify_email?\(query)")
                #expect(first.status == .ok)
            case .expired:
                try await harness.sql("UPDATE verify_emails SET expired_at = now() - interval '1 second'")
            case .unknownID: query = "email_id=999&secret_code=\(code)"
            case .missingCode: query = "email_id=\(id)"
            case .shortCode: query = "email_id=\(id)&secret_code=abc"
            case .invalidID: query = "email_id=0&secret_code=\(code)"
            }
            let response = try await client.send(.get, "/verify_email?\(query)")
            let expected: (HTTPResponse.Status, String) =
                switch kind {
                case .success: (.ok, "")
                case .wrongCode, .used, .expired, .unknownID: (.notFound, "invalid or expired verification code")
                case .missingCode: (.badRequest, "secret_code is required")
                case .shortCode: (.badRequest, "secret_code must be 32 to 128 letters and digits")
                case .invalidID: (.badRequest, "email_id must be at least 1")
                }
            #expect(response.status == expected.0)
            let verified = try #require(try await harness.store.getUser(username: "ann")).isEmailVerified
            if kind == .success {
                #expect(response.text == #"{"is_verified":true}"#)
                #expect(verified)
            } else {
                #expect(response.detail == expected.1)
                #expect(verified == (kind == .used))
            }
        }
    }

    @Test("the link uses PUBLIC_BASE_URL, else HTTP_SERVER_ADDRESS with localhost for a wildcard address")
    func link() throws {
        func link(_ values: [String: String]) throws -> String {
            let config = try ServerConfig(values: values.merging(["DB_SOURCE": PostgresTestServer.defaultURL]) { $1 })
            return VerifyEmailJobHandler.link(base: config.publicBaseURL, emailID: 7, secretCode: "abc").absoluteString
        }
        #expect(try link(["HTTP_SERVER_ADDRESS": "0.0.0.0:8080"]) == "http://localhost:8080/verify_email?email_id=7&secret_code=abc")
        #expect(try link(["HTTP_SERVER_ADDRESS": "127.0.0.1:9090"]) == "http://127.0.0.1:9090/verify_email?email_id=7&secret_code=abc")
        #expect(
            try link(["PUBLIC_BASE_URL": "https://bank.example/app/"])
                == "https://bank.example/app/verify_email?email_id=7&secret_code=abc")
    }
}
