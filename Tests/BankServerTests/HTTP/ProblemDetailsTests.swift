import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

@Suite("Problem details through the router")
struct ProblemDetailsTests {
    private static let json: HTTPFields = [.contentType: "application/json"]

    private func expectProblem(
        _ response: TestResponse,
        status: HTTPResponse.Status,
        detail: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try TestApp.problem(response)
        #expect(
            problem == ProblemDetails(type: "about:blank", title: status.reasonPhrase, status: status.code, detail: detail),
            sourceLocation: sourceLocation
        )
    }

    @Test("a Swift error becomes a 500 with no internal text; the log has it with the request id")
    func unknownErrorIs500() async throws {
        let recorder = LogRecorder()
        try await TestApp.make(logger: recorder.makeLogger()).test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            try expectProblem(response, status: .internalServerError, detail: "internal server error")
            let body = String(buffer: response.body)
            #expect(!body.contains("hunter2"))
            #expect(!body.contains("db.internal"))
            #expect(!body.contains("SecretError"))
        }
        let errorLine = try #require(recorder.records.first { $0.level == .error })
        #expect(errorLine.fullText.contains("hunter2"))
        #expect(errorLine.metadata["error.type"]?.description.contains("SecretError") == true)
        #expect(errorLine.metadata["hb.request.id"] != nil)
    }

    @Test("malformed JSON is a 400")
    func malformedJSON() async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            let response = try await client.execute(uri: "/echo", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"full_name": "#))
            try expectProblem(response, status: .badRequest, detail: "request body is not valid JSON")
        }
    }

    @Test(
        "decoding failures name the field in snake_case",
        arguments: [
            (#"{"amount": 1}"#, "missing field `full_name`"),
            (#"{"full_name": null, "amount": 1}"#, "field `full_name` must not be null"),
            (#"{"full_name": "A", "amount": "1"}"#, "field `amount` must be an integer"),
            (#"{"full_name": 5, "amount": 1}"#, "field `full_name` must be a string"),
            (#"{"full_name": "A", "amount": 1, "tier": "bronze"}"#, "field `tier` has an invalid value"),
            (#"{"full_name": "A", "amount": 1, "created_at": "yesterday"}"#, "field `created_at` has an invalid value"),
            (#"[1, 2]"#, "request body must be an object"),
            ("", "request body is not valid JSON"),
        ]
    )
    func decodingFailures(body: String, detail: String) async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            let response = try await client.execute(uri: "/echo", method: .post, headers: Self.json, body: ByteBuffer(string: body))
            try expectProblem(response, status: .badRequest, detail: detail)
        }
    }

    @Test("a valid body round-trips in snake_case with RFC 3339 dates")
    func validBody() async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            // Keys come back sorted (the encoder's stable order), so the input is written sorted too.
            let body = #"{"amount":42,"created_at":"2026-11-29T00:32:07.250Z","full_name":"Zoë Ω","tier":"gold"}"#
            let response = try await client.execute(
                uri: "/echo", method: .post, headers: [.contentType: "Application/JSON; charset=utf-8"], body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == body)
        }
    }

    @Test(
        "a JSON body with another or no Content-Type is a 415",
        arguments: ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", nil])
    func wrongContentType(contentType: String?) async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            var headers: HTTPFields = [:]
            if let contentType { headers[.contentType] = contentType }
            let response = try await client.execute(
                uri: "/echo", method: .post, headers: headers, body: ByteBuffer(string: #"{"full_name":"A","amount":1}"#))
            try expectProblem(response, status: .unsupportedMediaType, detail: "Content-Type must be application/json")
        }
    }

    @Test("a body over 64 KiB is a 413, with or without Content-Length, also for routes reading the body themselves")
    func bodyTooLarge() async throws {
        let limit = BankRequestContext.maximumBodySize
        let big = #"{"full_name":""# + String(repeating: "a", count: limit) + #"","amount":1}"#
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            let detail = "request body is larger than \(limit) bytes"
            var headers = Self.json
            let withoutLength = try await client.execute(uri: "/echo", method: .post, headers: headers, body: ByteBuffer(string: big))
            try expectProblem(withoutLength, status: .contentTooLarge, detail: detail)

            headers[.contentLength] = String(big.utf8.count)
            let withLength = try await client.execute(uri: "/echo", method: .post, headers: headers, body: ByteBuffer(string: big))
            try expectProblem(withLength, status: .contentTooLarge, detail: detail)

            let raw = try await client.execute(uri: "/raw", method: .post, body: ByteBuffer(string: big))
            try expectProblem(raw, status: .contentTooLarge, detail: detail)

            let justUnder = try await client.execute(uri: "/raw", method: .post, body: ByteBuffer(repeating: 0x61, count: limit))
            #expect(justUnder.status == .ok)
        }
    }

    @Test("unknown routes and wrong methods are 404 problems")
    func unknownRoute() async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.router) { client in
            let unknown = try await client.execute(uri: "/nope", method: .get)
            try expectProblem(unknown, status: .notFound, detail: "the requested resource does not exist")
            let wrongMethod = try await client.execute(uri: "/boom", method: .delete)
            try expectProblem(wrongMethod, status: .notFound, detail: "the requested resource does not exist")
        }
    }

    @Test("TokenError, APIError, HTTPError and hummingbird-auth's 401 are all problem JSON")
    func mappedErrors() async throws {
        let recorder = LogRecorder()
        try await TestApp.make(logger: recorder.makeLogger()).test(.router) { client in
            let token = try await client.execute(uri: "/token-error", method: .get)
            try expectProblem(token, status: .unauthorized, detail: "token has expired")
            #expect(token.headers[.wwwAuthenticate] == "Bearer")

            let conflict = try await client.execute(uri: "/conflict", method: .get)
            try expectProblem(conflict, status: .conflict, detail: "username already exists")

            let parameter = try await client.execute(uri: "/items/abc", method: .get)
            // Hummingbird's own 4xx messages describe the client's input, so they are passed on.
            try expectProblem(parameter, status: .badRequest, detail: "Parameter 'abc' can not be converted to the expected type (Int)")

            // A 5xx HTTPError keeps its status but not its message.
            let gateway = try await client.execute(uri: "/http-error", method: .get)
            try expectProblem(gateway, status: .badGateway, detail: "bad gateway")

            let identity = try await client.execute(uri: "/identity", method: .get)
            try expectProblem(identity, status: .unauthorized, detail: "Authenticated identity is unavailable")
            #expect(identity.headers[.wwwAuthenticate] == "Bearer")
        }
        #expect(recorder.records.contains { $0.level == .error && $0.fullText.contains("upstream said") })
    }

    @Test("over a real socket: 415, 413 and 400 leave the connection usable")
    func liveConnection() async throws {
        try await TestApp.make(logger: LogRecorder().makeLogger()).test(.live) { client in
            // One HTTP/1 connection for all requests: each must find the previous body drained.
            let valid = ByteBuffer(string: #"{"amount":1,"full_name":"Ann"}"#)
            let wrongType = try await client.execute(uri: "/echo", method: .post, headers: [.contentType: "text/plain"], body: valid)
            #expect(wrongType.status == .unsupportedMediaType)
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: BankRequestContext.maximumBodySize + 10)
            let tooLarge = try await client.execute(uri: "/echo", method: .post, headers: Self.json, body: big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.headers[.contentType] == "application/problem+json")
            let malformed = try await client.execute(uri: "/echo", method: .post, headers: Self.json, body: ByteBuffer(string: "{"))
            #expect(malformed.status == .badRequest)
            let echoed = try await client.execute(uri: "/echo", method: .post, headers: Self.json, body: valid)
            #expect(echoed.status == .ok)
            #expect(String(buffer: echoed.body) == #"{"amount":1,"full_name":"Ann"}"#)
        }
    }
}
