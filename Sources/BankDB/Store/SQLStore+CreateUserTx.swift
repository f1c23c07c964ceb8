extension SQLStore {
    /// Creates the user, the verify-email row and the job that mails its link (``VerifyEmailJob``),
    /// and runs `afterCreate`, in one transaction; see `Store.createUserTx`. The job exists exactly
    /// when the user does: a rolled-back or retried transaction leaves no mail behind.
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
            let job = VerifyEmailJob(verifyEmailID: verifyEmail.id)
            _ = try await q.enqueueJob(kind: VerifyEmailJob.kind, payload: job.payload, maxAttempts: VerifyEmailJob.maxAttempts)
            try await params.afterCreate(user, verifyEmail)
            return CreateUserTxResult(user: user, verifyEmail: verifyEmail)
        }
    }
}
