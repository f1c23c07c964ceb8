import Foundation

/// What a bank token says about its bearer.
///
/// On the wire (the PASETO message, and the JWT claims beside the registered ones) it is a JSON
/// object with the keys `id`, `username`, `role`, `issued_at` and `expired_at`; the timestamps are
/// RFC 3339 strings in UTC (`2026-11-29T00:32:07Z`), the form PASETO uses for its own time claims.
/// Payloads made by ``init(username:role:duration:now:)`` carry whole seconds, so they survive a
/// round trip unchanged; fractional seconds from other issuers are accepted when reading.
public struct TokenPayload: Sendable, Hashable, Codable {
    /// Identifies this token (for refresh tokens: the session id).
    public var id: UUID
    /// The user the token was issued to.
    public var username: String
    /// `depositor` or `banker`; authorisation decisions belong to the routes, the token only carries it.
    public var role: String
    /// When the token was issued.
    public var issuedAt: Date
    /// The first instant at which the token is no longer accepted.
    public var expiredAt: Date

    /// A payload with explicit values.
    public init(id: UUID = UUID(), username: String, role: String, issuedAt: Date, expiredAt: Date) {
        self.id = id
        self.username = username
        self.role = role
        self.issuedAt = issuedAt
        self.expiredAt = expiredAt
    }

    /// A new payload with a random id, issued at `now` (rounded down to the second) and expiring
    /// `duration` later (also whole seconds, rounded down).
    public init(username: String, role: String, duration: Duration, now: Date = Date()) {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let expiredAt = Date(timeIntervalSince1970: (issuedAt.timeIntervalSince1970 + seconds).rounded(.down))
        self.init(username: username, role: role, issuedAt: issuedAt, expiredAt: expiredAt)
    }

    /// Throws ``TokenError/expired`` when `now` is at or after ``expiredAt``.
    ///
    /// Only call this on a payload whose token has been verified: an expired error tells the
    /// client the token was authentic.
    public func validate(now: Date = Date()) throws(TokenError) {
        guard now < expiredAt else {
            throw TokenError(kind: .expired, detail: "expired at \(RFC3339.format(expiredAt))")
        }
    }

    enum CodingKeys: String, CodingKey {
        case id
        case username
        case role
        case issuedAt = "issued_at"
        case expiredAt = "expired_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Decoded from text by hand so that the result does not depend on the decoder's date and
        // UUID strategies (jwt-kit's decoder uses Unix seconds for dates).
        let idText = try container.decode(String.self, forKey: .id)
        guard let id = UUID(uuidString: idText) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "not a UUID")
        }
        self.id = id
        self.username = try container.decode(String.self, forKey: .username)
        self.role = try container.decode(String.self, forKey: .role)
        self.issuedAt = try Self.decodeDate(container, .issuedAt)
        self.expiredAt = try Self.decodeDate(container, .expiredAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Lower case like most other languages print UUIDs (Foundation prints upper case).
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(username, forKey: .username)
        try container.encode(role, forKey: .role)
        try container.encode(RFC3339.format(issuedAt), forKey: .issuedAt)
        try container.encode(RFC3339.format(expiredAt), forKey: .expiredAt)
    }

    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = RFC3339.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an RFC 3339 timestamp")
        }
        return date
    }
}

extension TokenPayload {
    /// The payload as compact JSON bytes, the exact bytes a PASETO token authenticates.
    func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        // Sorted keys make tokens for the same payload identical, which keeps tests and logs simple.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// Reads a payload from JSON bytes that have already been authenticated.
    init(jsonBytes: [UInt8]) throws(TokenError) {
        do {
            self = try JSONDecoder().decode(TokenPayload.self, from: Data(jsonBytes))
        } catch {
            throw .invalid("payload is not a bank token payload")
        }
    }
}
