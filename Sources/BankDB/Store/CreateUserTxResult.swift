/// What `Store.createUserTx` wrote: the user and the verification code sent to their email.
///
/// ```swift
/// let result = try await store.createUserTx(params)
/// print(result.user.username, result.verifyEmail.id)
/// ```
public struct CreateUserTxResult: Sendable, Hashable, Codable {
    public var user: User
    public var verifyEmail: VerifyEmail

    public init(user: User, verifyEmail: VerifyEmail) {
        self.user = user
        self.verifyEmail = verifyEmail
    }
}
