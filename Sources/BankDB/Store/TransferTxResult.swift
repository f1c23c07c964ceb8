/// Everything a successful `Store.transferTx` wrote: the transfer, its two entries, and both
/// accounts with their balances right after this transfer.
///
/// ```swift
/// let result = try await store.transferTx(params)
/// print(result.fromAccount.balance, result.fromEntry.amount)  // e.g. 75 -25
/// ```
public struct TransferTxResult: Sendable, Hashable, Codable {
    public var transfer: Transfer
    /// The negative entry on the source account.
    public var fromEntry: Entry
    /// The positive entry on the destination account.
    public var toEntry: Entry
    public var fromAccount: Account
    public var toAccount: Account

    public init(transfer: Transfer, fromEntry: Entry, toEntry: Entry, fromAccount: Account, toAccount: Account) {
        self.transfer = transfer
        self.fromEntry = fromEntry
        self.toEntry = toEntry
        self.fromAccount = fromAccount
        self.toAccount = toAccount
    }
}
