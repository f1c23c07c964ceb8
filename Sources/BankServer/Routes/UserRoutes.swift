import BankDB
import Foundation
import Hummingbird

/// `POST /users`, `POST /users/login` and `PATCH /users/{username}`.
struct UserRoutes: Sendable {
    let dependencies: BankServerDependencies

    var store: any Store { dependencies.store }

    func addRoutes(to group: RouterGroup<BankRequestContext>) {
        group.detached(method: .post, use: create)
        group.detached("login", method: .post, use: login)
        // Only the update needs a token; creating a user and logging in are how one gets one.
        group.group()
            .add(middleware: BearerTokenAuthenticator(tokenMaker: dependencies.tokenMaker))
            .detached(":username", method: .patch, use: update)
    }

    /// Creates a depositor. The verification mail is a job written in the user's transaction
    /// (``VerifyEmailJob``) and sent by the job worker, so a slow or failing mail server neither
    /// slows nor fails the sign-up, and no mail exists for a user that does not.
    @Sendable func create(_ request: Request, context: BankRequestContext) async throws -> UserResponse {
        let body = try await request.decode(as: CreateUserRequest.self, context: context)
        try Validation.username(body.username)
        try Validation.password(body.password)
        try Validation.fullName(body.fullName)
        try Validation.email(body.email)

        let hash = try await dependencies.passwordHasher.hash(body.password)
        let params = CreateUserTxParams(username: body.username, hashedPassword: hash, fullName: body.fullName, email: body.email)
        let result = try await store.createUserTx(params)
        return UserResponse(result.user)
    }

    /// Checks the password and opens a session: an access token, and a refresh token whose
    /// payload id is the session's id.
    @Sendable func login(_ request: Request, context: BankRequestContext) async throws -> LoginUserResponse {
        let body = try await request.decode(as: LoginUserRequest.self, context: context)
        try Validation.username(body.username)
        try Validation.password(body.password)

        guard let user = try await store.getUser(username: body.username) else {
            throw APIError.notFound("user \(body.username) not found")
        }
        guard try await dependencies.passwordHasher.verify(body.password, hash: user.hashedPassword) else {
            throw APIError.unauthorized("incorrect password")
        }

        let tokenMaker = dependencies.tokenMaker
        let access = try await tokenMaker.createToken(
            username: user.username, role: user.role, duration: dependencies.config.accessTokenDuration)
        let refresh = try await tokenMaker.createToken(
            username: user.username, role: user.role, duration: dependencies.config.refreshTokenDuration)
        let session = try await store.createSession(
            CreateSessionParams(
                id: refresh.payload.id,
                username: user.username,
                refreshToken: refresh.token,
                // Bounded: both are client-controlled and only informational.
                userAgent: String((request.headers[.userAgent] ?? "").prefix(512)),
                clientIP: ClientIP.of(request, context: context),
                isBlocked: false,
                expiresAt: refresh.payload.expiredAt
            ))
        return LoginUserResponse(
            sessionID: session.id,
            accessToken: access.token,
            accessTokenExpiresAt: access.payload.expiredAt,
            refreshToken: refresh.token,
            refreshTokenExpiresAt: refresh.payload.expiredAt,
            user: UserResponse(user)
        )
    }

    /// Changes the given fields of a user. A depositor may change only themself, a banker anyone.
    /// A new password ends every session of the user, so a stolen refresh token stops working; a
    /// new email address is unverified.
    @Sendable func update(_ request: Request, context: BankRequestContext) async throws -> UserResponse {
        let identity = try context.requireIdentity()
        guard let username = context.parameters.get("username") else {
            throw APIError.badRequest("username is required")
        }
        try Validation.username(username)
        let body = try await request.decode(as: UpdateUserRequest.self, context: context)
        if let password = body.password { try Validation.password(password) }
        if let fullName = body.fullName { try Validation.fullName(fullName) }
        if let email = body.email { try Validation.email(email) }
        guard body.password != nil || body.fullName != nil || body.email != nil else {
            throw APIError.badRequest("nothing to update: give at least one of full_name, email, password")
        }
        guard identity.role == Role.banker.rawValue || identity.username == username else {
            throw APIError.forbidden("cannot update other user's info")
        }

        guard let current = try await store.getUser(username: username) else {
            throw APIError.notFound("user \(username) not found")
        }
        var hash: String?
        var changedAt: Date?
        if let password = body.password {
            hash = try await dependencies.passwordHasher.hash(password)
            changedAt = Date()
        }
        // A verification proved the old address, not the new one.
        let emailChanged = body.email.map { $0 != current.email } ?? false
        let params = UpdateUserParams(
            hashedPassword: hash, passwordChangedAt: changedAt, fullName: body.fullName, email: body.email,
            isEmailVerified: emailChanged ? false : nil, username: username)
        guard let user = try await store.updateUser(params) else {
            throw APIError.notFound("user \(username) not found")
        }
        if hash != nil {
            _ = try await store.blockUserSessions(username: username)
        }
        return UserResponse(user)
    }
}
