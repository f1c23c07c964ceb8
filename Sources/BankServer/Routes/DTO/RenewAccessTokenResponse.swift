import Foundation
import Hummingbird

/// `POST /tokens/renew_access`: a new access token.
public struct RenewAccessTokenResponse: Codable, Sendable, ResponseEncodable {
    public var accessToken: String
    public var accessTokenExpiresAt: Date
}
