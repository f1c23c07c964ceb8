import Foundation
import Testing

@testable import BankServer

@Suite("BankJSON")
struct BankJSONTests {
    struct Body: Codable, Equatable {
        var fullName: String
        var createdAt: Date
    }

    /// Like a generated model: explicit snake_case coding keys.
    struct Model: Codable, Equatable {
        var createdAt: Date
        enum CodingKeys: String, CodingKey { case createdAt = "created_at" }
    }

    @Test("snake_case keys and RFC 3339 dates, milliseconds only when present")
    func encodes() throws {
        let encoder = BankJSON.makeEncoder()
        let whole = Body(fullName: "Ann", createdAt: Date(timeIntervalSince1970: 1_795_912_327))
        #expect(String(decoding: try encoder.encode(whole), as: UTF8.self) == #"{"created_at":"2026-11-29T00:32:07Z","full_name":"Ann"}"#)
        let fractional = Body(fullName: "Ann", createdAt: Date(timeIntervalSince1970: 1_795_912_327.25))
        #expect(String(decoding: try encoder.encode(fractional), as: UTF8.self) == #"{"created_at":"2026-11-29T00:32:07.250Z","full_name":"Ann"}"#)
        // Generated models with explicit snake_case keys encode unchanged.
        #expect(String(decoding: try encoder.encode(Model(createdAt: whole.createdAt)), as: UTF8.self) == #"{"created_at":"2026-11-29T00:32:07Z"}"#)
    }

    @Test("decodes snake_case keys and RFC 3339 dates with or without fractions and offsets")
    func decodes() throws {
        let decoder = BankJSON.makeDecoder()
        for (text, seconds) in [("2026-11-29T00:32:07Z", 1_795_912_327.0), ("2026-11-29T01:32:07.5+01:00", 1_795_912_327.5)] {
            let body = try decoder.decode(Body.self, from: Data(#"{"full_name":"Ann","created_at":"\#(text)"}"#.utf8))
            #expect(body == Body(fullName: "Ann", createdAt: Date(timeIntervalSince1970: seconds)))
        }
    }

    @Test("pitfall: a type with explicit snake_case coding keys cannot be decoded with convertFromSnakeCase")
    func explicitKeysPitfall() {
        #expect(throws: DecodingError.self) {
            try BankJSON.makeDecoder().decode(Model.self, from: Data(#"{"created_at":"2026-11-29T00:32:07Z"}"#.utf8))
        }
    }
}
