extension SQLStore {
    /// Creates the user, the verify-email row and runs `afterCreate`, in one transaction; see `Store.createUserTx`.
    ///
    /// ```swift
    /// let result = try await store.createUserTx(
    ///     CreateUserTxParams(username: "ann", hashedPassword: hash, fullName: "Ann Lee", email: "ann@example.com"))
    /// ```
    public func createUserTx(_ params: CreateUserTxParams) async throws -> CreateUserTxResult {
        try await execTx(isolation: isolation, maxAttempts: retryPolicy.maxAttempts) { q in
            let user = try await q.createUser(
                username: params.username, hashedPassword: params.hashedPassword, fullName: params.fullName, email: params.email)
            let verifyEmail = try await q.createVerifyEmail(username: user.username, email: user.email, secretCode: SecretCode.make())
            try await params.afterCreate(user, verifyEmail)
            return CreateUserTxResult(user: user, verifyEmail: verifyEmail)
        }
    }
}
