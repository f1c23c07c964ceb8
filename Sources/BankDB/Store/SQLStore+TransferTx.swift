extension SQLStore {
    /// Moves money in one transaction at `isolation`; see `Store.transferTx(_:verify:)`.
    ///
    /// ```swift
    /// let result = try await store.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 10))
    /// ```
    public func transferTx(
        _ params: TransferTxParams, verify: @escaping @Sendable (TransferAccounts) throws -> Void
    ) async throws -> TransferTxResult {
        // Rules that need no data are checked before a connection is taken.
        guard params.amount > 0 else { throw StoreError.invalidAmount }
        guard params.fromAccountID != params.toAccountID else { throw StoreError.sameAccount }

        // Four round trips: BEGIN, lock both accounts, one statement that writes everything, COMMIT.
        return try await execTx(isolation: isolation, maxAttempts: retryPolicy.maxAttempts) { q in
            // Both rows are locked (FOR NO KEY UPDATE) lower id first, in one statement. One global
            // lock order means two opposite transfers wait for each other instead of deadlocking.
            // Holding the row locks before the inserts also means the foreign-key checks of the
            // inserts (FOR KEY SHARE on the same rows) are taken by the lock holder itself, so no
            // other transaction's key-share lock ever sits on a row this one updates. In the
            // 32-worker stress test under SERIALIZABLE, locking only at the UPDATE let PostgreSQL
            // 15.18 fail now and then with XX000 "new multixact has more than one updating member".
            //
            // The locks keep both rows from changing until COMMIT at every isolation level (under
            // READ COMMITTED the lock returns the newest version; under REPEATABLE READ and
            // SERIALIZABLE a row changed since the snapshot fails the lock with 40001 and the
            // transaction reruns), so the rules below may be decided on the rows read here.
            let locked = try await q.getAccountPairForUpdate(firstID: params.fromAccountID, secondID: params.toAccountID)
            let accounts = TransferAccounts(
                from: locked.first { $0.id == params.fromAccountID }, to: locked.first { $0.id == params.toAccountID })
            try verify(accounts)
            guard let from = accounts.from, let to = accounts.to else { throw StoreError.notFound }
            guard from.currency == to.currency else { throw StoreError.currencyMismatch }
            guard from.balance >= params.amount else { throw StoreError.insufficientFunds }

            // The statement's own debit guard is the second line of defence: it cannot fail while
            // the lock is held, but if it did, its other parts have run and the rollback that the
            // thrown error causes takes them back.
            guard
                let posted = try await q.postTransfer(
                    fromAccountID: params.fromAccountID, toAccountID: params.toAccountID, amount: params.amount)
            else { throw StoreError.insufficientFunds }
            return TransferTxResult(params, posted: posted, from: from, to: to)
        }
    }
}

extension TransferTxResult {
    /// The result from what `PostTransfer` returned and the accounts as they were locked: the
    /// statement returns only what it made (ids, times, new balances); the rest is known already.
    init(_ params: TransferTxParams, posted: PostTransferRow, from: Account, to: Account) {
        var fromAccount = from
        fromAccount.balance = posted.fromBalance
        var toAccount = to
        toAccount.balance = posted.toBalance
        self.init(
            transfer: Transfer(
                id: posted.transferID, fromAccountID: params.fromAccountID, toAccountID: params.toAccountID,
                amount: params.amount, createdAt: posted.transferCreatedAt),
            fromEntry: Entry(
                id: posted.fromEntryID, accountID: params.fromAccountID, amount: -params.amount,
                createdAt: posted.fromEntryCreatedAt),
            toEntry: Entry(
                id: posted.toEntryID, accountID: params.toAccountID, amount: params.amount, createdAt: posted.toEntryCreatedAt),
            fromAccount: fromAccount,
            toAccount: toAccount)
    }
}
