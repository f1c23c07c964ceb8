/// `POST /users`.
public struct CreateUserRequest: Codable, Sendable {
    public var username: String
    public var password: String
    public var fullName: String
    public var email: String
}
