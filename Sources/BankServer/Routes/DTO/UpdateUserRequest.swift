/// `PATCH /users/{username}`: only the fields present change.
public struct UpdateUserRequest: Codable, Sendable {
    public var password: String?
    public var fullName: String?
    public var email: String?
}
