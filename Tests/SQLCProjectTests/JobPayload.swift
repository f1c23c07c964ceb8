import Foundation
import PostgresNIO

/// The application's own type for `jobs.payload` (the config's column override): a jsonb
/// document, coded by postgres-nio's JSON support for `Codable` types.
public struct JobPayload: Codable, Hashable, Sendable, PostgresCodable {
    public var url: String
    public var retries: Int

    public init(url: String, retries: Int = 0) {
        self.url = url
        self.retries = retries
    }
}

/// `:copyfrom` writes each value in COPY's text form: an override's type says how.
extension JobPayload: PostgresTextEncodable {
    public var postgresText: String {
        get throws { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
    }
}
