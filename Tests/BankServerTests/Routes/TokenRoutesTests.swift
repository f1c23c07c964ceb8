import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// `POST /tokens/renew_access` on a fresh database; sessions are set up with the generated
/// queries and direct SQL.
@Suite("Token routes")
struct TokenRoutesTests {
    /// How the session behind a valid refresh token is spoiled, and the answer.
    enum SessionState: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case valid, missing, blocked, otherUser, otherToken, expired
        var testDescription: String { rawValue }
    }

    @Test("POST /tokens/renew_access: session checks", arguments: SessionState.allCases)
    func renew(_ state: SessionState) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.createUser("bob")
            let refresh = try await harness.tokenMaker.createToken(username: "ann", role: "depositor", duration: .seconds(3600))
            if state != .missing {
                _ = try await harness.store.createSession(
                    CreateSessionParams(
                        id: refresh.payload.id,
                        username: state == .otherUser ? "bob" : "ann",
                        refreshToken: state == .otherToken ? "some other token" : refresh.token,
                        userAgent: "tests", clientIP: "127.0.0.1", isBlocked: false, expiresAt: refresh.payload.expiredAt))
            }
            switch state {
            case .blocked:
                try await harness.sql("UPDATE sessions SET is_blocked = true WHERE id = \(refresh.payload.id)")
            case .expired:
                // The token is still valid: only the session row says it is over.
                try await harness.sql("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id = \(refresh.payload.id)")
            default:
                break
            }

            let response = try await client.send(.post, "/tokens/renew_access", json: APIClient.json(["refresh_token": refresh.token]))
            let expected: (HTTPResponse.Status, String?) =
                switch state {
                case .valid: (.ok, nil)
                case .missing: (.notFound, "session not found")
                case .blocked: (.unauthorized, "session is blocked")
                case .otherUser: (.unauthorized, "incorrect session user")
                case .otherToken: (.unauthorized, "mismatched session token")
                case .expired: (.unauthorized, "session has expired")
                }
            #expect(response.status == expected.0)
            if let detail = expected.1 { #expect(response.detail == detail) }
            if state == .valid {
                let body = try response.decode(RenewAccessTokenResponse.self)
                let payload = try await harness.tokenMaker.verifyToken(body.accessToken)
                #expect(payload.username == "ann" && payload.role == "depositor")
                #expect(payload.expiredAt == body.accessTokenExpiresAt)
            }
        }
    }

    @Test(
        "POST /tokens/renew_access: a bad or expired refresh token is 401, a missing one 400",
        arguments: [
            ("expired", HTTPResponse.Status.unauthorized, "token has expired"),
            ("garbage", .unauthorized, "token is invalid"),
            ("empty", .badRequest, "refresh_token is required"),
            ("absent", .badRequest, "missing field `refresh_token`"),
        ])
    func badRefreshToken(kind: String, status: HTTPResponse.Status, detail: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let body: String
            switch kind {
            case "expired":
                let refresh = try await harness.tokenMaker.createToken(username: "ann", role: "depositor", duration: .seconds(-60))
                body = APIClient.json(["refresh_token": refresh.token])
            case "garbage": body = APIClient.json(["refresh_token": "v4.public.not-a-token"])
            case "empty": body = APIClient.json(["refresh_token": ""])
            default: body = "{}"
            }
            let response = try await client.send(.post, "/tokens/renew_access", json: body)
            #expect(response.status == status)
            #expect(response.detail == detail)
        }
    }

    @Test("login then renew: the whole flow over HTTP")
    func loginThenRenew() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let login = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]))
            let tokens = try login.decode(LoginUserResponse.self)
            let renewed = try await client.send(.post, "/tokens/renew_access", json: APIClient.json(["refresh_token": tokens.refreshToken]))
            #expect(renewed.status == .ok)
            let access = try renewed.decode(RenewAccessTokenResponse.self).accessToken
            let accounts = try await client.send(.get, "/accounts?page_id=1&page_size=5", token: access)
            #expect(accounts.status == .ok)
            #expect(accounts.text == "[]")
        }
    }
}
