/// `POST /transfers`.
public struct CreateTransferRequest: Codable, Sendable {
    public var fromAccountID: Int64
    public var toAccountID: Int64
    /// Minor units; must be positive.
    public var amount: Int64
    /// Both accounts must hold it.
    public var currency: String

    enum CodingKeys: String, CodingKey {
        // camelCase raw values the snake_case strategies map both ways (see BankJSON):
        // "from_account_id" ↔ "fromAccountId".
        case fromAccountID = "fromAccountId"
        case toAccountID = "toAccountId"
        case amount
        case currency
    }
}
