/// `POST /users/login`.
public struct LoginUserRequest: Codable, Sendable {
    public var username: String
    public var password: String
}
