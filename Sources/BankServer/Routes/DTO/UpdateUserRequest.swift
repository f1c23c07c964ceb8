/// `PATCH /users/{username}`: only the fields present change.
///
/// A field is either left out (unchanged) or given a value: an explicit `null` is refused with
/// 400, as openapi.yaml says, rather than read as "unchanged" (no field may be emptied, and a
/// client sending `null` most likely meant something else).
public struct UpdateUserRequest: Codable, Sendable {
    public var password: String?
    public var fullName: String?
    public var email: String?

    enum CodingKeys: String, CodingKey {
        case password, fullName, email
    }

    public init(password: String? = nil, fullName: String? = nil, email: String? = nil) {
        self.password = password
        self.fullName = fullName
        self.email = email
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        password = try Self.decodeUnlessNull(container, .password)
        fullName = try Self.decodeUnlessNull(container, .fullName)
        email = try Self.decodeUnlessNull(container, .email)
    }

    /// The string at `key`, nil when the key is absent; a `null` fails as a missing value does.
    private static func decodeUnlessNull(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String? {
        guard container.contains(key) else { return nil }
        return try container.decode(String.self, forKey: key)
    }
}
