import BankDB
import Foundation
import Hummingbird

/// An account as the API shows it.
public struct AccountResponse: Codable, Sendable, Equatable, ResponseEncodable {
    public var id: Int64
    public var owner: String
    /// Minor units (cents).
    public var balance: Int64
    public var currency: String
    public var createdAt: Date

    public init(_ account: Account) {
        self.id = account.id
        self.owner = account.owner
        self.balance = account.balance
        self.currency = account.currency
        self.createdAt = account.createdAt
    }
}
