import BankDB
import Foundation
import Hummingbird

/// `POST /tokens/renew_access`: a new access token for a valid refresh token.
struct TokenRoutes: Sendable {
    let dependencies: BankServerDependencies

    var store: any Store { dependencies.store }

    func addRoutes(to group: RouterGroup<BankRequestContext>) {
        group.detached("renew_access", method: .post, use: renewAccess)
    }

    /// The refresh token must verify (a ``TokenError`` becomes 401), and its session must exist
    /// (404), not be blocked, belong to the token's user, hold this very token and not have
    /// expired (401 each): the session row is what lets the bank revoke a refresh token.
    @Sendable func renewAccess(_ request: Request, context: BankRequestContext) async throws -> RenewAccessTokenResponse {
        let body = try await request.decode(as: RenewAccessTokenRequest.self, context: context)
        guard !body.refreshToken.isEmpty else { throw APIError.badRequest("refresh_token is required") }

        let payload = try await dependencies.tokenMaker.verifyToken(body.refreshToken)
        guard let session = try await store.getSession(id: payload.id) else {
            throw APIError.notFound("session not found")
        }
        guard !session.isBlocked else { throw APIError.unauthorized("session is blocked") }
        guard session.username == payload.username else { throw APIError.unauthorized("incorrect session user") }
        guard session.refreshToken == body.refreshToken else { throw APIError.unauthorized("mismatched session token") }
        guard Date() < session.expiresAt else { throw APIError.unauthorized("session has expired") }

        let access = try await dependencies.tokenMaker.createToken(
            username: payload.username, role: payload.role, duration: dependencies.config.accessTokenDuration)
        return RenewAccessTokenResponse(accessToken: access.token, accessTokenExpiresAt: access.payload.expiredAt)
    }
}
