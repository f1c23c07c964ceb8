/// A new user for `Store.createUserTx`, and what to do once the user and the verification code exist.
///
/// `afterCreate` runs inside the transaction: if it throws (say the verification email cannot be
/// queued), the user and the code are rolled back and `createUserTx` throws that same error. It may run more than once if the transaction is retried, so it should be
/// idempotent, e.g. enqueue a job keyed by the verify-email id rather than send mail directly.
///
/// ```swift
/// let params = CreateUserTxParams(username: "ann", hashedPassword: hash, fullName: "Ann Lee", email: "ann@example.com") {
///     user, verifyEmail in try await mailer.enqueueVerification(to: user.email, id: verifyEmail.id, code: verifyEmail.secretCode)
/// }
/// ```
public struct CreateUserTxParams: Sendable {
    public var username: String
    public var hashedPassword: String
    public var fullName: String
    public var email: String
    /// Runs after both rows are written, before COMMIT.
    public var afterCreate: @Sendable (User, VerifyEmail) async throws -> Void

    public init(
        username: String,
        hashedPassword: String,
        fullName: String,
        email: String,
        afterCreate: @escaping @Sendable (User, VerifyEmail) async throws -> Void = { _, _ in }
    ) {
        self.username = username
        self.hashedPassword = hashedPassword
        self.fullName = fullName
        self.email = email
        self.afterCreate = afterCreate
    }
}
