import Hummingbird

/// `GET /verify_email`.
public struct VerifyEmailResponse: Codable, Sendable, ResponseEncodable {
    public var isVerified: Bool
}
