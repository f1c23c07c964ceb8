extension SQLStore {
    /// Moves money in one transaction at `isolation`; see `Store.transferTx`.
    ///
    /// ```swift
    /// let result = try await store.transferTx(TransferTxParams(fromAccountID: 1, toAccountID: 2, amount: 10))
    /// ```
    public func transferTx(_ params: TransferTxParams) async throws -> TransferTxResult {
        // Rules that need no data are checked before a connection is taken.
        guard params.amount > 0 else { throw StoreError.invalidAmount }
        guard params.fromAccountID != params.toAccountID else { throw StoreError.sameAccount }

        return try await execTx(isolation: isolation, maxAttempts: retryPolicy.maxAttempts) { q in
            // Lock both accounts first, lower id first (FOR NO KEY UPDATE), and read existence and
            // currency from the locked rows. One global lock order means two opposite transfers
            // wait for each other instead of deadlocking. Holding the row locks before the inserts
            // also means the foreign-key checks below (FOR KEY SHARE on the same rows) are taken by
            // the lock holder itself, so no other transaction's key-share lock ever sits on a row
            // this one updates. In the 32-worker stress test under SERIALIZABLE, reading without
            // locks and locking at the UPDATE let PostgreSQL 15.18 fail now and then with XX000
            // "new multixact has more than one updating member" (rows that were key-shared by
            // other transfers and updated by aborted, retried ones).
            //
            // What this relies on: the locks keep both rows from changing or disappearing until
            // COMMIT at every isolation level; the currency never changes anyway (no query updates
            // it). The balance read here is not used for the overdraft rule: the debit statement
            // decides that on the row it updates.
            let (first, second) =
                params.fromAccountID < params.toAccountID
                ? (params.fromAccountID, params.toAccountID) : (params.toAccountID, params.fromAccountID)
            guard let firstAccount = try await q.getAccountForUpdate(id: first),
                let secondAccount = try await q.getAccountForUpdate(id: second)
            else { throw StoreError.notFound }
            guard firstAccount.currency == secondAccount.currency else { throw StoreError.currencyMismatch }

            let transfer = try await q.createTransfer(
                fromAccountID: params.fromAccountID, toAccountID: params.toAccountID, amount: params.amount)
            let fromEntry = try await q.createEntry(accountID: params.fromAccountID, amount: -params.amount)
            let toEntry = try await q.createEntry(accountID: params.toAccountID, amount: params.amount)

            // The rows are already locked; the balances change in the same order for good measure.
            let fromAccount: Account
            let toAccount: Account
            if params.fromAccountID < params.toAccountID {
                fromAccount = try await debit(q, params)
                toAccount = try await credit(q, params)
            } else {
                toAccount = try await credit(q, params)
                fromAccount = try await debit(q, params)
            }
            return TransferTxResult(
                transfer: transfer, fromEntry: fromEntry, toEntry: toEntry, fromAccount: fromAccount, toAccount: toAccount)
        }
    }

    /// Takes the amount off the source balance, atomically refusing to go below zero: the check and
    /// the write are one statement on the current row version, never a balance read earlier. (The
    /// row is locked by now; on its own, the statement would also be safe: under READ COMMITTED it
    /// re-checks its WHERE clause on the newest version after waiting for a concurrent writer, under
    /// REPEATABLE READ and SERIALIZABLE such a wait ends in 40001 and a rerun.)
    private func debit(_ q: Queries, _ params: TransferTxParams) async throws -> Account {
        guard let account = try await q.addAccountBalanceNoOverdraft(amount: -params.amount, id: params.fromAccountID) else {
            // The account exists (it is locked), so no row means no money.
            throw StoreError.insufficientFunds
        }
        return account
    }

    private func credit(_ q: Queries, _ params: TransferTxParams) async throws -> Account {
        guard let account = try await q.addAccountBalance(amount: params.amount, id: params.toAccountID) else {
            throw StoreError.notFound
        }
        return account
    }
}
