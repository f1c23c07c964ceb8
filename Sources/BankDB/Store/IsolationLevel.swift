/// The isolation level a `SQLStore` transaction runs at (PostgreSQL's `BEGIN ISOLATION LEVEL …`).
///
/// READ UNCOMMITTED is left out: PostgreSQL runs it as READ COMMITTED.
///
/// ```swift
/// let store = SQLStore(client: client, isolation: .serializable)
/// ```
public enum IsolationLevel: Sendable, Hashable, CaseIterable {
    /// Each statement sees the rows committed before it started; PostgreSQL's default.
    case readCommitted
    /// The whole transaction sees one snapshot; a write to a row changed since fails with 40001.
    case repeatableRead
    /// As if the transactions ran one after another; any anomaly fails with 40001.
    case serializable

}
