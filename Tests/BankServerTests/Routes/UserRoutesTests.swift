import BankDB
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// `POST /users`, `POST /users/login`, `PATCH /users/{username}` on a fresh database.
@Suite("User routes")
struct UserRoutesTests {
    /// The password of users made through `POST /users` in these tests.
    static let defaultPassword = "secret123"

    static func createBody(
        username: String = "ann", password: String = "secret123", fullName: String = "Ann Lee", email: String = "ann@example.com"
    ) -> String {
        APIClient.json(["username": username, "password": password, "full_name": fullName, "email": email])
    }

    @Test("POST /users: 200 user JSON without the hash; the hash verifies; the verification link is mailed")
    func createUser() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            let response = try await client.send(.post, "/users", json: Self.createBody())
            #expect(response.status == .ok)
            let object = try #require(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(
                Set(object.keys) == ["username", "full_name", "email", "password_changed_at", "created_at", "role", "is_email_verified"])
            let user = try response.decode(UserResponse.self)
            #expect(user.username == "ann" && user.fullName == "Ann Lee" && user.email == "ann@example.com")
            #expect(user.role == "depositor" && !user.isEmailVerified)
            // RFC 3339 timestamps.
            #expect((object["created_at"] as? String)?.hasSuffix("Z") == true)

            let stored = try #require(try await harness.store.getUser(username: "ann"))
            #expect(try await harness.hasher.verify("secret123", hash: stored.hashedPassword))
            #expect(!response.text.contains(stored.hashedPassword))

            // The mail is a job, sent by the worker.
            #expect(harness.mailer.mails.isEmpty)
            #expect(try await harness.deliverMail() == 1)
            let mail = try #require(harness.mailer.mails.first)
            #expect(mail.email == "ann@example.com" && mail.username == "ann")
            let components = try #require(URLComponents(url: mail.link, resolvingAgainstBaseURL: false))
            #expect(components.host == "127.0.0.1" && components.port == 8080 && components.path == "/verify_email")
            let code = try #require(components.queryItems?.first { $0.name == "secret_code" }?.value)
            #expect(code.count == 32)
        }
    }

    @Test(
        "POST /users: duplicates are 409 naming the field",
        arguments: [
            (createBody(username: "ann", email: "other@example.com"), "username already exists"),
            (createBody(username: "bob", email: "ann@example.com"), "email already exists"),
        ])
    func duplicate(body: String, detail: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .conflict)
            #expect(response.detail == detail)
            #expect(try await harness.deliverMail() == 0)
            #expect(harness.mailer.mails.isEmpty)
        }
    }

    @Test(
        "POST /users: invalid input is 400 naming the field",
        arguments: [
            (createBody(username: "Ann!"), "username"),
            (createBody(username: "ab"), "username"),
            (createBody(email: "not-an-email"), "email"),
            (createBody(password: "123"), "password"),
            (createBody(fullName: "R2D2"), "full_name"),
            (#"{"username":"ann","password":"secret123","email":"ann@example.com"}"#, "full_name"),
            ("{not json", "JSON"),
        ])
    func invalid(body: String, field: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            let response = try await client.send(.post, "/users", json: body)
            #expect(response.status == .badRequest)
            #expect(response.detail?.contains(field) == true, "\(response.detail ?? "-")")
            #expect(try await harness.store.getUser(username: "ann") == nil)
        }
    }

    @Test("POST /users: a failing mailer neither fails nor slows the sign-up; the job is retried")
    func mailerFails() async throws {
        try await BankAPIHarness.withDatabase(mailer: RecordingMailer(fails: true)) { harness, client in
            let response = try await client.send(.post, "/users", json: Self.createBody())
            #expect(response.status == .ok)
            #expect(try await harness.store.getUser(username: "ann") != nil)
            #expect(try await harness.deliverMail() == 1)
            let jobs = try await harness.store.countJobsByState()
            #expect(jobs.map(\.state) == [.queued] && jobs.first?.jobs == 1)
        }
    }

    // MARK: Login

    @Test("POST /users/login: 200 tokens, user and a session row with user agent and client IP")
    func login() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann", role: "banker")
            let response = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]),
                headers: [.userAgent: "route-tests/1.0", .xForwardedFor: "203.0.113.7, 10.0.0.1"])
            #expect(response.status == .ok)
            let body = try response.decode(LoginUserResponse.self)
            #expect(body.user.username == "ann" && body.user.role == "banker")

            let access = try await harness.tokenMaker.verifyToken(body.accessToken)
            #expect(access.username == "ann" && access.role == "banker")
            #expect(access.expiredAt == body.accessTokenExpiresAt)
            #expect(abs(access.expiredAt.timeIntervalSince(access.issuedAt) - 15 * 60) < 1)
            let refresh = try await harness.tokenMaker.verifyToken(body.refreshToken)
            #expect(refresh.id == body.sessionID)
            #expect(abs(refresh.expiredAt.timeIntervalSince(refresh.issuedAt) - 24 * 3600) < 1)

            let session = try #require(try await harness.store.getSession(id: body.sessionID))
            #expect(session.username == "ann" && session.refreshToken == body.refreshToken && !session.isBlocked)
            #expect(session.userAgent == "route-tests/1.0")
            #expect(session.clientIP == "203.0.113.7")
            #expect(abs(session.expiresAt.timeIntervalSince(body.refreshTokenExpiresAt)) < 0.001)
        }
    }

    @Test(
        "POST /users/login: errors",
        arguments: [
            ("nobody", BankAPIHarness.password, HTTPResponse.Status.notFound, "user nobody not found"),
            ("ann", "wrong-password", .unauthorized, "incorrect password"),
            ("Ann!", BankAPIHarness.password, .badRequest, "username must be 3 to 100 characters of a-z, 0-9 and _"),
            ("ann", "123", .badRequest, "password must be 6 to 100 characters"),
        ])
    func loginErrors(username: String, password: String, status: HTTPResponse.Status, detail: String) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            let response = try await client.send(.post, "/users/login", json: APIClient.json(["username": username, "password": password]))
            #expect(response.status == status)
            #expect(response.detail == detail)
            if status == .unauthorized { #expect(response.headers[.wwwAuthenticate] == "Bearer") }
        }
    }

    // MARK: Update

    /// Who updates whom, with which body, and what comes out.
    struct UpdateCase: Sendable, CustomTestStringConvertible {
        var name: String
        var caller: String?
        var callerRole = "depositor"
        var target = "ann"
        var body: String = APIClient.json(["full_name": "Ann Smith"])
        var expiredToken = false
        var status: HTTPResponse.Status
        var detail: String?
        var testDescription: String { name }
    }

    static let updateCases: [UpdateCase] = [
        UpdateCase(name: "self: 200", caller: "ann", status: .ok),
        UpdateCase(name: "banker updates another user: 200", caller: "boss", callerRole: "banker", status: .ok),
        UpdateCase(
            name: "depositor updates another user: 403", caller: "bob", status: .forbidden, detail: "cannot update other user's info"),
        UpdateCase(name: "no token: 401", caller: nil, status: .unauthorized, detail: "authorization header is not provided"),
        UpdateCase(name: "expired token: 401", caller: "ann", expiredToken: true, status: .unauthorized, detail: "token has expired"),
        UpdateCase(
            name: "banker, unknown user: 404", caller: "boss", callerRole: "banker", target: "ghost", status: .notFound,
            detail: "user ghost not found"),
        UpdateCase(
            name: "duplicate email: 409", caller: "ann", body: APIClient.json(["email": "bob@example.com"]), status: .conflict,
            detail: "email already exists"),
        UpdateCase(
            name: "nothing to update: 400", caller: "ann", body: "{}", status: .badRequest,
            detail: "nothing to update: give at least one of full_name, email, password"),
        UpdateCase(
            name: "invalid email: 400", caller: "ann", body: APIClient.json(["email": "nope"]), status: .badRequest,
            detail: "email must be a valid email address of at most 200 characters"),
        UpdateCase(
            name: "short password: 400", caller: "ann", body: APIClient.json(["password": "123"]), status: .badRequest,
            detail: "password must be 6 to 100 characters"),
        UpdateCase(
            name: "null is not a value: 400", caller: "ann", body: #"{"full_name":null}"#, status: .badRequest,
            detail: "field `full_name` must not be null"),
        UpdateCase(
            name: "null next to a value: 400", caller: "ann", body: #"{"full_name":"Ann Smith","email":null}"#, status: .badRequest,
            detail: "field `email` must not be null"),
        UpdateCase(
            name: "invalid username in the path: 400", caller: "ann", target: "ANN", status: .badRequest,
            detail: "username must be 3 to 100 characters of a-z, 0-9 and _"),
    ]

    @Test("PATCH /users/{username}", arguments: updateCases)
    func update(_ test: UpdateCase) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.createUser("bob")
            try await harness.createUser("boss", role: "banker")
            var token: String?
            if let caller = test.caller {
                token = try await harness.token(caller, role: test.callerRole, duration: test.expiredToken ? .seconds(-60) : .seconds(60))
            }
            let response = try await client.send(.patch, "/users/\(test.target)", json: test.body, token: token)
            #expect(response.status == test.status)
            if let detail = test.detail { #expect(response.detail == detail) }
            let ann = try #require(try await harness.store.getUser(username: "ann"))
            if test.status == .ok {
                #expect(try response.decode(UserResponse.self) == viaJSON(UserResponse(ann)))
                #expect(ann.fullName == "Ann Smith")
            } else {
                #expect(ann.fullName == "Test User" && ann.email == "ann@example.com")
            }
        }
    }

    @Test("PATCH /users/{username}: a new password is hashed, sets password_changed_at and blocks the user's sessions")
    func updatePassword() async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            let before = try await harness.createUser("ann")
            let login = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]))
            let session = try login.decode(LoginUserResponse.self)

            let response = try await client.send(
                .patch, "/users/ann", json: APIClient.json(["password": "new-secret"]), token: try await harness.token("ann"))
            #expect(response.status == .ok)
            let user = try response.decode(UserResponse.self)
            #expect(user.passwordChangedAt > before.passwordChangedAt)
            #expect(user.fullName == before.fullName && user.email == before.email)
            let stored = try #require(try await harness.store.getUser(username: "ann"))
            #expect(try await harness.hasher.verify("new-secret", hash: stored.hashedPassword))
            #expect(try await harness.store.getSession(id: session.sessionID)?.isBlocked == true)

            let oldLogin = try await client.send(
                .post, "/users/login", json: APIClient.json(["username": "ann", "password": BankAPIHarness.password]))
            #expect(oldLogin.status == .unauthorized)
            let renewed = try await client.send(
                .post, "/tokens/renew_access", json: APIClient.json(["refresh_token": session.refreshToken]))
            #expect(renewed.status == .unauthorized)
            #expect(renewed.detail == "session is blocked")
        }
    }

    @Test(
        "PATCH /users/{username}: a new email is unverified; the same email keeps the verification",
        arguments: [("ann2@example.com", false), ("ann@example.com", true)])
    func updateEmail(email: String, staysVerified: Bool) async throws {
        try await BankAPIHarness.withDatabase { harness, client in
            try await harness.createUser("ann")
            try await harness.sql("UPDATE users SET is_email_verified = true WHERE username = 'ann'")
            let response = try await client.send(
                .patch, "/users/ann", json: APIClient.json(["email": email]), token: try await harness.token("ann"))
            #expect(response.status == .ok)
            let user = try response.decode(UserResponse.self)
            #expect(user.email == email && user.isEmailVerified == staysVerified)
        }
    }
}
