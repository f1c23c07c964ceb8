import Hummingbird
import HummingbirdTesting
import Testing

@testable import BankServer

/// The reference system's table-driven auth middleware cases, through the real router, for each
/// kind of token maker.
@Suite("BearerTokenAuthenticator")
struct BearerTokenAuthenticatorTests {
    enum MakerKind: String, CaseIterable, CustomTestStringConvertible {
        case pasetoV4Public
        case jwt

        var testDescription: String { rawValue }

        func make() async throws -> any TokenMaker {
            switch self {
            case .pasetoV4Public: try PasetoV4PublicMaker(seed: [UInt8](repeating: 7, count: 32))
            case .jwt: try await JWTMaker(secret: Array("0123456789abcdef0123456789abcdef".utf8))
            }
        }
    }

    /// A case: how to build the header from a maker, and what the server must answer.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var header: @Sendable (any TokenMaker) async throws -> String?
        var status: HTTPResponse.Status
        var body: String

        var testDescription: String { name }
    }

    /// The server's middleware and one guarded route that answers with the identity's username.
    static func makeApp(tokenMaker: any TokenMaker) -> some ApplicationProtocol {
        let router = Router(context: BankRequestContext.self)
        router.addBankMiddleware()
        router.group("/secure")
            .add(middleware: BearerTokenAuthenticator(tokenMaker: tokenMaker))
            .get("whoami") { _, context -> String in try context.requireIdentity().username }
        return Application(router: router, logger: LogRecorder().makeLogger())
    }

    static let cases: [Case] = [
        Case(
            name: "valid token", header: { "Bearer \(try await $0.createToken(username: "alice", role: "depositor", duration: .seconds(60)).token)" },
            status: .ok, body: "alice"),
        Case(
            name: "scheme in any case",
            header: { "bEARER \(try await $0.createToken(username: "bob", role: "banker", duration: .seconds(60)).token)" }, status: .ok, body: "bob"),
        Case(name: "no authorization header", header: { _ in nil }, status: .unauthorized, body: "authorization header is not provided"),
        Case(name: "empty authorization header", header: { _ in "" }, status: .unauthorized, body: "authorization header is not provided"),
        Case(name: "scheme only", header: { _ in "Bearer" }, status: .unauthorized, body: "invalid authorization header format"),
        Case(name: "three fields", header: { _ in "Bearer a b" }, status: .unauthorized, body: "invalid authorization header format"),
        Case(name: "unsupported type", header: { _ in "Basic dXNlcjpwYXNz" }, status: .unauthorized, body: "unsupported authorization type basic"),
        Case(
            name: "unsupported odd type is not echoed", header: { _ in "<script> x" }, status: .unauthorized,
            body: "unsupported authorization type given"),
        Case(name: "invalid token", header: { _ in "Bearer v4.public.garbage" }, status: .unauthorized, body: "token is invalid"),
        Case(
            name: "expired token",
            header: { "Bearer \(try await $0.createToken(username: "alice", role: "depositor", duration: .seconds(-5)).token)" },
            status: .unauthorized, body: "token has expired"),
        Case(
            name: "token from another key",
            header: { _ in
                let other = try PasetoV4PublicMaker(seed: [UInt8](repeating: 9, count: 32))
                return "Bearer \(try await other.createToken(username: "mallory", role: "banker", duration: .seconds(60)).token)"
            }, status: .unauthorized, body: "token is invalid"),
    ]

    @Test("auth cases", arguments: MakerKind.allCases, cases)
    func authCase(kind: MakerKind, testCase: Case) async throws {
        let maker = try await kind.make()
        let header = try await testCase.header(maker)
        try await Self.makeApp(tokenMaker: maker).test(.router) { client in
            var headers: HTTPFields = [:]
            if let header { headers[.authorization] = header }
            let response = try await client.execute(uri: "/secure/whoami", method: .get, headers: headers)
            #expect(response.status == testCase.status)
            if testCase.status == .ok {
                #expect(String(buffer: response.body) == testCase.body)
            } else {
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(try TestApp.problem(response).detail == testCase.body)
            }
        }
    }

    @Test(
        "the header's fields are those of splitting its Characters at white space",
        arguments: [
            "Bearer abc", "  Bearer\tabc  ", "Bearer\r\nabc", "Bearer\u{0B}abc\u{0C}", "Bearer\nabc\r", "", " \t ", "a b c",
            "Bearer", "\u{1C}Bearer abc\u{1F}", "Bearer\u{A0}abc", "Bearer\u{2003}abc", "Bearer é", "Bearer a\u{301} b",
            "Bearer\u{85}abc", "\u{3000}", "e\u{301}\r\n x",
        ])
    func fields(header: String) {
        let fields = BearerTokenAuthenticator<BankRequestContext>.fields(of: header)
        #expect(fields == header.split(whereSeparator: \.isWhitespace))
    }

    @Test("a token of the other maker kind is invalid")
    func crossMaker() async throws {
        let paseto = try await MakerKind.pasetoV4Public.make()
        let jwt = try await MakerKind.jwt.make()
        let token = try await jwt.createToken(username: "alice", role: "depositor", duration: .seconds(60)).token
        try await Self.makeApp(tokenMaker: paseto).test(.router) { client in
            let response = try await client.execute(uri: "/secure/whoami", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .unauthorized)
            #expect(try TestApp.problem(response).detail == "token is invalid")
        }
    }
}
