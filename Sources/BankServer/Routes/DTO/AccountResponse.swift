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

extension AccountResponse: JSONObjectWritable {
    func writeJSONFields(to json: inout JSONObjectWriter) {
        json.field("balance", balance)
        json.field("created_at", createdAt)
        json.field("currency", currency)
        json.field("id", id)
        json.field("owner", owner)
    }

    /// Written by ``JSONObjectWriter``: `GET /accounts/{id}` sends one per request.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONObjectWriter.response(self)
    }
}
