import BankDB
import Hummingbird

/// `POST /accounts`, `GET /accounts/{id}` and `GET /accounts?page_id=&page_size=`, all for the
/// token's user only.
struct AccountRoutes: Sendable {
    let dependencies: BankServerDependencies

    var store: any Store { dependencies.store }

    /// `group` must already require a bearer token.
    func addRoutes(to group: RouterGroup<BankRequestContext>) {
        group.detached(method: .post, use: create)
        group.detached(method: .get, use: list)
        group.detached(":id", method: .get, use: get)
    }

    /// Opens an account with balance 0; one per currency and user.
    @Sendable func create(_ request: Request, context: BankRequestContext) async throws -> AccountResponse {
        let identity = try context.requireIdentity()
        let body = try await request.decode(as: CreateAccountRequest.self, context: context)
        let currency = try Validation.currency(body.currency)
        do {
            return AccountResponse(try await store.createAccount(owner: identity.username, balance: 0, currency: currency.rawValue))
        } catch StoreError.duplicate(constraint: "owner_currency_key") {
            throw APIError.conflict("an account in \(currency) already exists")
        } catch StoreError.foreignKeyViolation(constraint: "accounts_owner_fkey") {
            // A valid token for a user that has since been deleted.
            throw APIError.forbidden("user \(identity.username) does not exist")
        }
    }

    /// One of the caller's accounts; someone else's is 403 (it exists, but is not theirs).
    @Sendable func get(_ request: Request, context: BankRequestContext) async throws -> AccountResponse {
        let identity = try context.requireIdentity()
        let id = try Validation.id(parameter: "id", in: context.parameters)
        guard let account = try await store.getAccount(id: id) else {
            throw APIError.notFound("account \(id) not found")
        }
        guard account.owner == identity.username else {
            throw APIError.forbidden("account doesn't belong to the authenticated user")
        }
        return AccountResponse(account)
    }

    /// A page of the caller's accounts, by id.
    @Sendable func list(_ request: Request, context: BankRequestContext) async throws -> [AccountResponse] {
        let identity = try context.requireIdentity()
        let page = try Pagination(query: request.uri.queryParameters)
        return try await store.listAccounts(owner: identity.username, limit: page.limit, offset: page.offset).map(AccountResponse.init)
    }
}
