/// What `Store.verifyEmailTx` changed: the user, now with `isEmailVerified`, and the used code.
///
/// ```swift
/// let result = try await store.verifyEmailTx(emailID: 7, secretCode: code)
/// assert(result.user.isEmailVerified && result.verifyEmail.isUsed)
/// ```
public struct VerifyEmailTxResult: Sendable, Hashable, Codable {
    public var user: User
    public var verifyEmail: VerifyEmail

    public init(user: User, verifyEmail: VerifyEmail) {
        self.user = user
        self.verifyEmail = verifyEmail
    }
}
