/// `POST /tokens/renew_access`.
public struct RenewAccessTokenRequest: Codable, Sendable {
    public var refreshToken: String
}
