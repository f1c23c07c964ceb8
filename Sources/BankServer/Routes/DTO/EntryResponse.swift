import BankDB
import Foundation

/// A balance change of one account.
public struct EntryResponse: Codable, Sendable, Equatable {
    public var id: Int64
    public var accountID: Int64
    /// Negative for money leaving the account.
    public var amount: Int64
    public var createdAt: Date

    public init(_ entry: Entry) {
        self.id = entry.id
        self.accountID = entry.accountID
        self.amount = entry.amount
        self.createdAt = entry.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case accountID = "accountId"
        case amount
        case createdAt
    }
}

extension EntryResponse: JSONObjectWritable {
    func writeJSONFields(to json: inout JSONObjectWriter) {
        json.field("account_id", accountID)
        json.field("amount", amount)
        json.field("created_at", createdAt)
        json.field("id", id)
    }
}
