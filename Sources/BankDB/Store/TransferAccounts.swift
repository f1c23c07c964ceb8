/// The two accounts of a transfer as `Store.transferTx(_:verify:)` read them, under their row
/// locks: nil where the id does not exist. Nothing can change them until the transaction ends, so a
/// check made on them holds when the money moves.
///
/// ```swift
/// try await store.transferTx(params) { accounts in
///     guard accounts.from?.owner == username else { throw NotYours() }
/// }
/// ```
public struct TransferAccounts: Sendable, Hashable {
    public var from: Account?
    public var to: Account?

    public init(from: Account?, to: Account?) {
        self.from = from
        self.to = to
    }
}
