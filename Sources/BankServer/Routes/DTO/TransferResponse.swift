import BankDB
import Foundation

/// A transfer record.
public struct TransferResponse: Codable, Sendable, Equatable {
    public var id: Int64
    public var fromAccountID: Int64
    public var toAccountID: Int64
    public var amount: Int64
    public var createdAt: Date

    public init(_ transfer: Transfer) {
        self.id = transfer.id
        self.fromAccountID = transfer.fromAccountID
        self.toAccountID = transfer.toAccountID
        self.amount = transfer.amount
        self.createdAt = transfer.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case fromAccountID = "fromAccountId"
        case toAccountID = "toAccountId"
        case amount
        case createdAt
    }
}

extension TransferResponse: JSONObjectWritable {
    func writeJSONFields(to json: inout JSONObjectWriter) {
        json.field("amount", amount)
        json.field("created_at", createdAt)
        json.field("from_account_id", fromAccountID)
        json.field("id", id)
        json.field("to_account_id", toAccountID)
    }
}
