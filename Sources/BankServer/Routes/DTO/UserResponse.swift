import BankDB
import Foundation
import Hummingbird

/// A user as the API shows it: never the password hash.
///
/// Built from BankDB's `User` field by field (not by encoding `User`), so a column added to
/// `users` later cannot reach clients by accident.
public struct UserResponse: Codable, Sendable, Equatable, ResponseEncodable {
    public var username: String
    public var fullName: String
    public var email: String
    public var passwordChangedAt: Date
    public var createdAt: Date
    public var role: String
    public var isEmailVerified: Bool

    public init(_ user: User) {
        self.username = user.username
        self.fullName = user.fullName
        self.email = user.email
        self.passwordChangedAt = user.passwordChangedAt
        self.createdAt = user.createdAt
        self.role = user.role
        self.isEmailVerified = user.isEmailVerified
    }
}
