import Foundation
import Hummingbird

/// `POST /users/login`: both tokens, the session that holds the refresh token, and the user.
public struct LoginUserResponse: Codable, Sendable, ResponseEncodable {
    public var sessionID: UUID
    public var accessToken: String
    public var accessTokenExpiresAt: Date
    public var refreshToken: String
    public var refreshTokenExpiresAt: Date
    public var user: UserResponse

    enum CodingKeys: String, CodingKey {
        // A camelCase raw value that the snake_case strategies map both ways ("session_id" ↔
        // "sessionId"); "sessionID" would encode right but not decode (see BankJSON).
        case sessionID = "sessionId"
        case accessToken
        case accessTokenExpiresAt
        case refreshToken
        case refreshTokenExpiresAt
        case user
    }
}
