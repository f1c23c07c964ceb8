import NIOConcurrencyHelpers

/// A pool of non-blocking libpq connections served by reactor threads (one by default; one per
/// core lets the client's work run on every core, as pgbench's `-j` does).
///
/// ```swift
/// let client = try LibPQClient(conninfo: "postgresql://root:secret@127.0.0.1/simple_bank", connections: 8)
/// defer { client.shutdown() }
/// let id = try await client.withConnection { connection in
///     var parameters = LibPQParameters()
///     try parameters.append(Int64(1))
///     let result = try await connection.execute(
///         statement: "GetAccount", sql: "SELECT id FROM accounts WHERE id = $1", parameterTypes: [.int8],
///         parameters: parameters)
///     return try result.decode(Int64.self, row: 0, column: 0)
/// }
/// ```
public final class LibPQClient: Sendable {
    private let reactors: [LibPQReactor]
    private struct State {
        var idle: [LibPQConnection]
        var waiters: [UnsafeContinuation<LibPQConnection, Never>] = []
        var all: [LibPQConnection]
    }
    private let state: NIOLockedValueBox<State>
    private let conninfo: String

    /// Opens `connections` connections (blocking the calling thread while it does), spread over
    /// `threads` reactor threads.
    public init(conninfo: String, connections: Int, threads: Int = 1) throws {
        precondition(connections >= 1 && threads >= 1, "a pool needs a connection and a thread")
        var reactors: [LibPQReactor] = []
        var opened: [LibPQConnection] = []
        do {
            for _ in 0..<min(threads, connections) { reactors.append(try LibPQReactor()) }
            for index in 0..<connections {
                opened.append(try LibPQConnection(conninfo: conninfo, reactor: reactors[index % reactors.count]))
            }
        } catch {
            opened.forEach { $0.close() }
            reactors.forEach { $0.shutdown() }
            throw error
        }
        self.reactors = reactors
        self.conninfo = conninfo
        self.state = NIOLockedValueBox(State(idle: opened, all: opened))
    }

    /// Leases a connection for `body` (waiting for one when all are leased) and returns it after.
    /// A connection that broke is replaced by a new one.
    public func withConnection<T>(_ body: (LibPQConnection) async throws -> T) async throws -> T {
        let connection = await lease()
        defer { release(connection) }
        return try await body(connection)
    }

    private func lease() async -> LibPQConnection {
        // On a reactor's thread, one of its own connections: the task stays on that thread.
        let current = reactors.count > 1 ? reactors.first(where: \.isCurrent) : nil
        func take(_ state: inout State) -> LibPQConnection? {
            if let current, let index = state.idle.lastIndex(where: { $0.reactor === current }) {
                return state.idle.remove(at: index)
            }
            return state.idle.popLast()
        }
        if let connection = state.withLockedValue(take) { return connection }
        return await withUnsafeContinuation { continuation in
            let connection: LibPQConnection? = state.withLockedValue { state in
                if let connection = take(&state) { return connection }
                state.waiters.append(continuation)
                return nil
            }
            if let connection { continuation.resume(returning: connection) }
        }
    }

    private func release(_ connection: LibPQConnection) {
        var connection = connection
        if connection.isBroken, let fresh = try? LibPQConnection(conninfo: conninfo, reactor: connection.reactor) {
            connection.close()
            state.withLockedValue { state in
                state.all.removeAll { $0 === connection }
                state.all.append(fresh)
            }
            connection = fresh
        }
        let waiter: UnsafeContinuation<LibPQConnection, Never>? = state.withLockedValue { state in
            if state.waiters.isEmpty {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }

    /// The reactor thread as a task executor: a task that prefers it (`Task(executorPreference:)`,
    /// `withTaskExecutorPreference`) runs where its replies arrive, without a thread switch per
    /// statement.
    public var executor: any TaskExecutor { reactors[0] }

    /// Every reactor thread as a task executor; spread tasks over them to use more cores.
    public var executors: [any TaskExecutor] { reactors }

    /// Closes every connection and stops the reactor thread. No lease may be outstanding.
    public func shutdown() {
        let all = state.withLockedValue { state in
            defer { state.all = []; state.idle = [] }
            return state.all
        }
        all.forEach { $0.close() }
        reactors.forEach { $0.shutdown() }
    }
}
