/// `POST /accounts`: the owner is the token's user, the balance starts at 0.
public struct CreateAccountRequest: Codable, Sendable {
    public var currency: String
}
