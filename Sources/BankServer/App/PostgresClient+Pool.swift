import PostgresNIO

extension PostgresClient.Configuration.Options {
    /// A pool of up to `connections` connections that keeps one open at all times and opens the
    /// others on demand (closing them after a minute without use).
    ///
    /// Why not a fixed pool (minimum = maximum), which saved CPU: PostgresNIO 1.33 gives every
    /// connection above `minimumConnections` an idle-timeout timer each time it goes back to the
    /// pool, and cancels it at the next lease (postgres-nio #511); under wrk a fixed pool took
    /// 16-38% off the server's CPU per `GET /accounts/{id}`. But its pool state machine asserts,
    /// when a request finds no idle connection, that at least `minimumConnections` connections
    /// exist or are being opened, and while PostgreSQL is away (restarting, crashed) it drops
    /// every connection but the one it retries. With a minimum above 1 the first request in that
    /// window stopped the server with "Precondition failed" (PoolStateMachine+ConnectionGroup.swift,
    /// `createNewDemandConnectionIfPossible`), and the crash report then kept the dying process
    /// silent for 20-40 seconds: the "20-second silence" after `pg_ctl restart -m fast` of
    /// issue 16, reproduced by `DatabaseRestartTests`. A minimum of 1 holds in that window, since
    /// the connection being retried counts. Surviving a restart is worth the timers.
    ///
    /// The keep-alive query on idle connections stays: it keeps middleboxes from dropping quiet
    /// connections.
    mutating func usePool(connections: Int) {
        precondition(connections >= 1, "the pool needs at least one connection")
        minimumConnections = 1
        maximumConnections = connections
    }
}
