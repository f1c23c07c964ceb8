import Hummingbird

/// The bank API of openapi.yaml (users, tokens, accounts, transfers), added to the server's router.
///
/// | route | auth | controller |
/// |---|---|---|
/// | `POST /users`, `POST /users/login` | – | ``UserRoutes`` |
/// | `PATCH /users/{username}` | bearer | ``UserRoutes`` |
/// | `POST /tokens/renew_access` | – | ``TokenRoutes`` |
/// | `GET /verify_email` | – | ``VerifyEmailRoutes`` |
/// | `POST /accounts`, `GET /accounts`, `GET /accounts/{id}` | bearer | ``AccountRoutes`` |
/// | `POST /transfers` | bearer | ``TransferRoutes`` |
///
/// The routes use `dependencies.store`. They are added after the server's middleware (request
/// log, problem details), so their errors become problem responses; ``StoreErrorMiddleware``
/// in between turns data-layer errors into their statuses, and ``DatabaseDeadlineMiddleware``
/// inside it bounds how long a request waits for the database (503 with `Retry-After` after).
/// Every handler runs detached (``DetachedHandler``), so that bound holds even when the database
/// driver never returns.
public enum BankRoutes {
    /// Adds the bank API's routes to `router`.
    ///
    /// - Parameters:
    ///   - databaseTimeout: How long a request may wait for the database before it answers 503.
    ///   - databaseTimeoutWhileUnreachable: The same once a request has found the database away.
    public static func addRoutes(
        to router: Router<BankRequestContext>,
        dependencies: BankServerDependencies,
        databaseTimeout: Duration = ApplicationOptions.defaultDatabaseTimeout,
        databaseTimeoutWhileUnreachable: Duration = ApplicationOptions.defaultDatabaseTimeoutWhileUnreachable
    ) {
        router.add(middleware: StoreErrorMiddleware())
        let availability = DatabaseAvailability(limit: databaseTimeout, limitWhileUnreachable: databaseTimeoutWhileUnreachable)
        router.add(middleware: DatabaseDeadlineMiddleware(availability: availability))
        let authenticator = BearerTokenAuthenticator<BankRequestContext>(tokenMaker: dependencies.tokenMaker)

        UserRoutes(dependencies: dependencies).addRoutes(to: router.group("users"))
        TokenRoutes(dependencies: dependencies).addRoutes(to: router.group("tokens"))
        VerifyEmailRoutes(dependencies: dependencies).addRoutes(to: router)
        AccountRoutes(dependencies: dependencies).addRoutes(to: router.group("accounts").add(middleware: authenticator))
        TransferRoutes(dependencies: dependencies).addRoutes(to: router.group("transfers").add(middleware: authenticator))
    }
}
