import Foundation
import Testing

@testable import BankServer

@Suite("TokenPayload")
struct TokenPayloadTests {
    private static let now = Date(timeIntervalSince1970: 1_795_000_000.75)

    @Test("a new payload starts at now, whole seconds, and lasts the duration")
    func newPayload() {
        let payload = TokenPayload(username: "alice", role: "depositor", duration: .seconds(900), now: Self.now)
        #expect(payload.issuedAt == Date(timeIntervalSince1970: 1_795_000_000))
        #expect(payload.expiredAt == Date(timeIntervalSince1970: 1_795_000_900))
        #expect(payload.username == "alice")
        #expect(payload.role == "depositor")
        #expect(payload.id != TokenPayload(username: "alice", role: "depositor", duration: .seconds(900)).id)
    }

    @Test("validate: fine before expiry, expired at and after it")
    func validate() throws {
        let payload = TokenPayload(username: "alice", role: "banker", duration: .seconds(60), now: Self.now)
        try payload.validate(now: payload.expiredAt.addingTimeInterval(-1))
        #expect(throws: TokenError.expired) { try payload.validate(now: payload.expiredAt) }
        #expect(throws: TokenError.expired) { try payload.validate(now: payload.expiredAt.addingTimeInterval(1)) }
    }

    @Test("JSON uses the documented keys and RFC 3339 timestamps")
    func jsonShape() throws {
        let id = try #require(UUID(uuidString: "0E4A8A1B-9C1D-4F55-8D2A-3B8C9E2F1A07"))
        let payload = TokenPayload(
            id: id,
            username: "alice",
            role: "depositor",
            issuedAt: Date(timeIntervalSince1970: 1_640_995_200),
            expiredAt: Date(timeIntervalSince1970: 1_640_996_100)
        )
        let json = String(decoding: try payload.jsonBytes(), as: UTF8.self)
        #expect(
            json
                == #"{"expired_at":"2022-01-01T00:15:00Z","id":"0e4a8a1b-9c1d-4f55-8d2a-3b8c9e2f1a07","issued_at":"2022-01-01T00:00:00Z","role":"depositor","username":"alice"}"#
        )
        #expect(try TokenPayload(jsonBytes: utf8(json)) == payload)
    }

    @Test("reads timestamps with offsets and fractional seconds from other issuers")
    func lenientTimestamps() throws {
        let json =
            #"{"id":"0E4A8A1B-9C1D-4F55-8D2A-3B8C9E2F1A07","username":"bob","role":"banker","issued_at":"2022-01-01T02:00:00+02:00","expired_at":"2022-01-01T00:15:00.5Z"}"#
        let payload = try TokenPayload(jsonBytes: utf8(json))
        #expect(payload.issuedAt == Date(timeIntervalSince1970: 1_640_995_200))
        #expect(payload.expiredAt == Date(timeIntervalSince1970: 1_640_996_100.5))
    }

    @Test(
        "a payload that is not ours is invalid",
        arguments: [
            #"{"data":"this is a signed message","exp":"2022-01-01T00:00:00+00:00"}"#,
            #"{"id":"nope","username":"bob","role":"banker","issued_at":"2022-01-01T00:00:00Z","expired_at":"2022-01-01T00:15:00Z"}"#,
            #"{"id":"0E4A8A1B-9C1D-4F55-8D2A-3B8C9E2F1A07","username":"bob","role":"banker","issued_at":1640995200,"expired_at":"2022-01-01T00:15:00Z"}"#,
            #"{"id":"0E4A8A1B-9C1D-4F55-8D2A-3B8C9E2F1A07","username":"bob","role":"banker","issued_at":"yesterday","expired_at":"2022-01-01T00:15:00Z"}"#,
            "[]",
            "not json",
        ]
    )
    func foreignPayload(_ json: String) {
        #expect(throws: TokenError.invalid) { try TokenPayload(jsonBytes: utf8(json)) }
    }
}

@Suite("TokenError")
struct TokenErrorTests {
    @Test("equality is by kind; the detail shows only in the debug description")
    func kindAndDetail() {
        let error = TokenError.invalid("signature does not verify")
        #expect(error == .invalid)
        #expect(error != .expired)
        #expect(error.description == "token is invalid")
        #expect(String(describing: error) == "token is invalid")
        #expect(String(reflecting: error) == "token is invalid: signature does not verify")
        #expect(TokenError.expired.description == "token has expired")
    }
}
