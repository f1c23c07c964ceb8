/// What `Store.transferTx` moves: `amount` (in the accounts' minor units) from one account to another.
///
/// ```swift
/// let params = TransferTxParams(fromAccountID: alice.id, toAccountID: bob.id, amount: 25)
/// ```
public struct TransferTxParams: Sendable, Hashable, Codable {
    public var fromAccountID: Int64
    public var toAccountID: Int64
    public var amount: Int64

    public init(fromAccountID: Int64, toAccountID: Int64, amount: Int64) {
        self.fromAccountID = fromAccountID
        self.toAccountID = toAccountID
        self.amount = amount
    }
}
