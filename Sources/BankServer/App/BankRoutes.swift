import Hummingbird

/// The bank API of DESIGN §7 (users, tokens, accounts, transfers), added to the server's router.
///
/// This is where the routes over the data layer (BankDB's `Store`) plug in. They are added
/// after the server's middleware (request log, problem details), so their errors become
/// problem responses. A sketch:
///
/// ```swift
/// let store = Store(dependencies.postgres)
/// router.post("/users") { request, context in … }             // public
/// router.post("/users/login") { request, context in … }
/// router.group("/accounts")
///     .add(middleware: BearerTokenAuthenticator(tokenMaker: dependencies.tokenMaker))
///     .post { request, context in let user = try context.requireIdentity() … }
/// ```
public enum BankRoutes {
    /// Adds the bank API's routes to `router`.
    public static func addRoutes(to router: Router<BankRequestContext>, dependencies: BankServerDependencies) {
        // No routes yet: they need BankDB's Store, which is built on another branch.
    }
}
