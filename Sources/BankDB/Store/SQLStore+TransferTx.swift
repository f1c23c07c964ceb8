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
            // Existence and currency are read without locks, which is enough at every isolation
            // level: no query ever changes an account's currency, ids are never reused, and the
            // inserts below take FOR KEY SHARE locks on both accounts (foreign keys), so neither can
            // be deleted before COMMIT. The balance is NOT read here: the overdraft rule is decided
            // by the debit statement itself on the current row version.
            guard let from = try await q.getAccount(id: params.fromAccountID),
                let to = try await q.getAccount(id: params.toAccountID)
            else { throw StoreError.notFound }
            guard from.currency == to.currency else { throw StoreError.currencyMismatch }

            let transfer = try await q.createTransfer(
                fromAccountID: params.fromAccountID, toAccountID: params.toAccountID, amount: params.amount)
            let fromEntry = try await q.createEntry(accountID: params.fromAccountID, amount: -params.amount)
            let toEntry = try await q.createEntry(accountID: params.toAccountID, amount: params.amount)

            // Row locks in one global order (lower id first): two opposite transfers between the same
            // accounts wait for each other instead of deadlocking.
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

    /// Takes the amount off the source balance, atomically refusing to go below zero. Under READ
    /// COMMITTED the UPDATE waits for a concurrent writer of the row and re-checks its WHERE clause
    /// on the newest version; under REPEATABLE READ and SERIALIZABLE that wait ends in 40001 and a
    /// rerun instead. Either way the check never uses a stale balance.
    private func debit(_ q: Queries, _ params: TransferTxParams) async throws -> Account {
        guard let account = try await q.addAccountBalanceNoOverdraft(amount: -params.amount, id: params.fromAccountID) else {
            // The account exists (read above, and the key-share lock keeps it), so no row means no money.
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
