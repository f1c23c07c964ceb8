import PostgresNIO

extension PostgresClient.Configuration.Options {
    /// Makes the pool a fixed set of `connections` connections, opened when the client starts and
    /// kept open (replaced if one fails), instead of growing from zero on demand.
    ///
    /// Why fixed: PostgresNIO 1.33 gives every connection above `minimumConnections` an idle-timeout
    /// timer each time it goes back to the pool (a child task, a task group and a `Task.sleep` on
    /// Dispatch's timer thread) and cancels it at the next lease, so with the default minimum of 0
    /// every query paid for a timer it never needed (postgres-nio #511). Connections within the
    /// minimum get none. Under wrk this took 16-38% off the server's CPU per
    /// `GET /accounts/{id}` and 18-24% off `POST /transfers`, which leases three times.
    ///
    /// The keep-alive query on idle connections stays: it keeps middleboxes from dropping quiet
    /// connections, at the price of a similar timer per release.
    mutating func useFixedPool(connections: Int) {
        precondition(connections >= 1, "the pool needs at least one connection")
        minimumConnections = connections
        maximumConnections = connections
    }
}
