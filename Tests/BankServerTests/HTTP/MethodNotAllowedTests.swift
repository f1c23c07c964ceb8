import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// 405 with `Allow` for a known path and a method it does not take (RFC 9110 §15.5.6), 404 for
/// an unknown path; both as problem details. No request here reaches the database.
@Suite("405 Method Not Allowed")
struct MethodNotAllowedTests {
    @Test(
        "a known path with an unlisted method: 405, Allow lists the path's methods",
        arguments: [
            ("TRACE", "/accounts", "GET, POST"),
            ("DELETE", "/accounts/7", "GET"),
            ("PUT", "/health", "GET"),
            ("POST", "/openapi.yaml", "GET"),
            ("GET", "/users", "POST"),
            ("GET", "/users/alice", "PATCH"),
            // A literal beats a capture, as in the router: this is the login path, not a username.
            ("PATCH", "/users/login", "POST"),
            ("DELETE", "/transfers/", "POST"),
            ("POST", "/verify_email", "GET"),
        ])
    func methodNotAllowed(method: String, path: String, allow: String) async throws {
        let app = try await buildApplication(config: ApplicationTests.config(), options: ApplicationTests.options(recorder: LogRecorder()))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: path, method: HTTPRequest.Method(method)!)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allow)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try TestApp.problem(response)
            #expect(problem.status == 405)
            #expect(problem.detail == "\(method) is not allowed on \(path); allowed: \(allow)")
        }
    }

    @Test("an unknown path stays 404 whatever the method", arguments: ["GET", "TRACE", "POST"])
    func unknownPath(method: String) async throws {
        let app = try await buildApplication(config: ApplicationTests.config(), options: ApplicationTests.options(recorder: LogRecorder()))
        try await app.test(.router) { client in
            for path in ["/no/such/route", "/accounts/7/extra", "/users/alice/bob"] {
                let response = try await client.execute(uri: path, method: HTTPRequest.Method(method)!)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(response.headers[.allow] == nil)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
