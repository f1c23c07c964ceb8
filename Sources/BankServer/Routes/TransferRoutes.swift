import BankDB
import Hummingbird

/// `POST /transfers`: money from one of the caller's accounts to any account in the same currency.
struct TransferRoutes: Sendable {
    let dependencies: BankServerDependencies

    var store: any Store { dependencies.store }

    /// `group` must already require a bearer token.
    func addRoutes(to group: RouterGroup<BankRequestContext>) {
        group.detached(method: .post, use: create)
    }

    /// Checks what the client can be told precisely (which account is missing, not theirs or in
    /// another currency) on the accounts as `transferTx` locked them, inside its transaction: the
    /// checks hold when the money moves, and cost no round trips of their own. `transferTx` then
    /// applies the bank's rules (same currency, no overdraft).
    @Sendable func create(_ request: Request, context: BankRequestContext) async throws -> TransferResultResponse {
        let identity = try context.requireIdentity()
        let body = try await request.decode(as: CreateTransferRequest.self, context: context)
        try Validation.id(body.fromAccountID, field: "from_account_id")
        try Validation.id(body.toAccountID, field: "to_account_id")
        try Validation.amount(body.amount)
        let currency = try Validation.currency(body.currency)
        // 422, not 400: the body matches the schema, which cannot say that two fields differ;
        // openapi.yaml documents the rule with the 422 response.
        guard body.fromAccountID != body.toAccountID else {
            throw APIError.unprocessableContent("from_account_id and to_account_id must differ")
        }

        let params = TransferTxParams(fromAccountID: body.fromAccountID, toAccountID: body.toAccountID, amount: body.amount)
        let username = identity.username
        let result = try await store.transferTx(params) { accounts in
            let from = try Self.account(accounts.from, id: params.fromAccountID, currency: currency)
            guard from.owner == username else {
                throw APIError.forbidden("from account doesn't belong to the authenticated user")
            }
            _ = try Self.account(accounts.to, id: params.toAccountID, currency: currency)
        }
        return TransferResultResponse(result)
    }

    /// The account, which must exist (404) and hold `currency` (422).
    private static func account(_ account: Account?, id: Int64, currency: Currency) throws -> Account {
        guard let account else {
            throw APIError.notFound("account \(id) not found")
        }
        guard account.currency == currency.rawValue else {
            throw APIError.unprocessableContent("account \(id) currency mismatch: \(account.currency) vs \(currency)")
        }
        return account
    }
}
