import BankDB
import Hummingbird

extension StoreError {
    /// The problem response for a data-layer error: the one place where `StoreError`s become
    /// HTTP statuses. Routes that know more (which account, which currency) catch the error and
    /// throw their own ``APIError``; everything else reaches ``StoreErrorMiddleware``, which uses this.
    ///
    /// | error | status |
    /// |---|---|
    /// | `.notFound` | 404 |
    /// | `.duplicate` (username, email, second account in a currency) | 409, naming what is taken |
    /// | `.foreignKeyViolation` | 409 |
    /// | `.insufficientFunds`, `.currencyMismatch`, `.sameAccount` | 422 |
    /// | `.invalidAmount` | 400 |
    /// | `.invalidVerificationCode` | 404 (openapi.yaml: no matching unused, unexpired code) |
    /// | `.transactionConflict` | 503 with `Retry-After: 1`: nothing was written, a retry may succeed |
    /// | `.database` | 500 "internal server error", nothing of the cause |
    var apiError: APIError {
        switch self {
        case .notFound:
            return .notFound("the requested resource does not exist")
        case .duplicate(let constraint):
            return .conflict(Self.duplicateDetail(constraint: constraint))
        case .foreignKeyViolation:
            return .conflict("a record this one refers to does not exist")
        case .insufficientFunds:
            return .unprocessableContent("insufficient funds")
        case .currencyMismatch:
            return .unprocessableContent("the accounts hold different currencies")
        case .invalidAmount:
            return .badRequest("amount must be greater than 0")
        case .sameAccount:
            return .unprocessableContent("from_account_id and to_account_id must differ")
        case .invalidVerificationCode:
            return .notFound("invalid or expired verification code")
        case .transactionConflict:
            var error = APIError.serviceUnavailable("the database is busy, try again")
            error.headers[.retryAfter] = "1"
            return error
        case .database:
            return .internalServerError
        }
    }

    /// What a unique-constraint violation means to the client, by constraint name (the names
    /// come from the migrations in `db/migration`).
    static func duplicateDetail(constraint: String) -> String {
        switch constraint {
        case "users_pkey": "username already exists"
        case "users_email_key": "email already exists"
        case "owner_currency_key": "an account in this currency already exists"
        default: "the record already exists"
        }
    }
}
