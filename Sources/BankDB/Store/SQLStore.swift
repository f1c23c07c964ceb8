import PostgresNIO

/// The `Store` over PostgreSQL: the generated queries on a `PostgresClient`, plus the bank's
/// transactions (`transferTx`, `createUserTx`, `verifyEmailTx`, and `execTx` for your own).
///
/// Query methods run on the pool and throw `StoreError`; nil still means "no such row".
///
/// ```swift
/// let store = SQLStore(client: client)
/// let account = try await store.createAccount(owner: "ann", balance: 0, currency: "USD")
/// let result = try await store.transferTx(TransferTxParams(fromAccountID: account.id, toAccountID: 2, amount: 5))
/// ```
public struct SQLStore: Store, QuerierForwarding {
    /// The pool every query and transaction runs on; it must be running (`client.run()`).
    public let client: PostgresClient
    /// The generated queries on the pool, without error mapping.
    public let queries: Queries
    /// The isolation level of `transferTx`, `createUserTx` and `verifyEmailTx`.
    public var isolation: IsolationLevel
    /// How transactions are rerun after serialization failures and deadlocks.
    public var retryPolicy: RetryPolicy
    /// Called once per rerun, before the wait; count or log retries here.
    public var onRetry: (@Sendable (TransactionRetry) -> Void)?
    let logger: Logger

    public init(
        client: PostgresClient,
        logger: Logger = Logger(label: "BankDB.SQLStore"),
        isolation: IsolationLevel = .readCommitted,
        retryPolicy: RetryPolicy = .default,
        onRetry: (@Sendable (TransactionRetry) -> Void)? = nil
    ) {
        self.client = client
        self.queries = Queries(client, logger: logger)
        self.logger = logger
        self.isolation = isolation
        self.retryPolicy = retryPolicy
        self.onRetry = onRetry
    }

    /// Runs one query method on `queries`, its database errors mapped to `StoreError`.
    @inlinable
    public func forward<T>(_ call: (Queries) async throws -> T) async throws -> T {
        do {
            return try await call(queries)
        } catch {
            throw storeError(error)
        }
    }
}

/// The error a `SQLStore` method throws for `error`: errors of the database layer become `StoreError`s;
/// anything else (cancellation, an error thrown by a closure of yours such as `afterCreate`) stays itself,
/// so the caller can still recognise it.
@usableFromInline
func storeError(_ error: any Error) -> any Error {
    switch error {
    case is StoreError, is PSQLError, is PostgresTransactionError, is NoRowsError, is PostgresDecodingError:
        return StoreError(mapping: error)
    default:
        return error
    }
}
