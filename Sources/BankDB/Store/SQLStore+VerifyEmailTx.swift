extension SQLStore {
    /// Uses the code and marks the email verified, in one transaction; see `Store.verifyEmailTx`.
    ///
    /// ```swift
    /// let result = try await store.verifyEmailTx(emailID: 7, secretCode: "Zx3…")
    /// ```
    public func verifyEmailTx(emailID: Int64, secretCode: String) async throws -> VerifyEmailTxResult {
        try await execTx(isolation: isolation, maxAttempts: retryPolicy.maxAttempts) { q in
            // One conditional UPDATE decides validity, so two concurrent uses of a code cannot both win.
            guard let verifyEmail = try await q.updateVerifyEmail(id: emailID, secretCode: secretCode) else {
                throw StoreError.invalidVerificationCode
            }
            let params = UpdateUserParams(
                hashedPassword: nil, passwordChangedAt: nil, fullName: nil, email: nil, isEmailVerified: true,
                username: verifyEmail.username)
            guard let user = try await q.updateUser(params) else { throw StoreError.notFound }
            // A code proves the address it was sent to; if the user has changed their email since,
            // it proves nothing about the current one (the throw rolls the update back).
            guard user.email == verifyEmail.email else { throw StoreError.invalidVerificationCode }
            return VerifyEmailTxResult(user: user, verifyEmail: verifyEmail)
        }
    }
}
