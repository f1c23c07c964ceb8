import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

@testable import BankServer

/// A router with the server's middleware and a few dummy routes, for exercising errors, decoding
/// and authentication without a database.
enum TestApp {
    /// A Swift error whose text must never reach a client.
    struct SecretError: Error, CustomStringConvertible {
        var description: String { "connection to db.internal:5432 failed for user root with password hunter2" }
    }

    /// A string-backed enum, to check that unknown cases are refused.
    enum Tier: String, Codable {
        case gold
        case silver
    }

    /// A request/response body with camelCase properties (snake_case on the wire).
    struct Echo: Codable, ResponseEncodable, Equatable {
        var fullName: String
        var amount: Int64
        var createdAt: Date?
        var tier: Tier?
    }

    static func make(logger: Logger) -> some ApplicationProtocol {
        let router = Router(context: BankRequestContext.self)
        router.addBankMiddleware()
        router.get("/boom") { _, _ -> String in throw SecretError() }
        router.post("/echo") { request, context -> Echo in
            try await request.decode(as: Echo.self, context: context)
        }
        router.post("/raw") { request, context -> String in
            // A route that reads the body itself, bypassing the decoder's checks.
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            return "\(body.readableBytes)"
        }
        router.get("/token-error") { _, _ -> String in throw TokenError.expired }
        router.get("/items/:id") { _, context -> String in
            "\(try context.parameters.require("id", as: Int.self))"
        }
        router.get("/conflict") { _, _ -> String in throw APIError.conflict("username already exists") }
        router.get("/http-error") { _, _ -> String in throw HTTPError(.badGateway, message: "upstream said: secret stuff") }
        router.get("/identity") { _, context -> String in
            // Without the authenticator, hummingbird-auth's own 401.
            try context.requireIdentity().username
        }
        return Application(router: router, logger: logger)
    }

    /// The problem body of a response, decoded.
    static func problem(_ response: TestResponse) throws -> ProblemDetails {
        try JSONDecoder().decode(ProblemDetails.self, from: Data(response.body.readableBytesView))
    }
}
