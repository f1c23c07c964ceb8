/// Creates and verifies the bearer tokens of the bank API.
///
/// One maker is chosen at start from configuration (see ``TokenMakerFactory``) and shared by all
/// requests, hence `Sendable`. Every verification failure is a ``TokenError``: `.expired` for an
/// authentic token past its expiry, `.invalid` for anything else.
public protocol TokenMaker: Sendable {
    /// Issues a token for `username` with `role` that expires `duration` from now.
    ///
    /// - Returns: the token to hand to the client and the payload it carries (the payload's `id`
    ///   identifies the token, e.g. as a session id for refresh tokens).
    func createToken(username: String, role: String, duration: Duration) async throws -> (token: String, payload: TokenPayload)

    /// Checks the token's integrity and expiry and returns its payload.
    ///
    /// - Throws: ``TokenError``.
    func verifyToken(_ token: String) async throws -> TokenPayload
}
