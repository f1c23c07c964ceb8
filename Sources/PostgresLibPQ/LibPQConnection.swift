import CLibPQ
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

#if canImport(Glibc)
    import Glibc
#endif

/// A libpq connection in non-blocking mode: a task sends a command and suspends; the
/// ``LibPQReactor`` thread reads the reply when the socket is readable and resumes it.
///
/// One command at a time: the pool leases a connection to one task, which awaits each reply
/// before it sends the next command.
public final class LibPQConnection: @unchecked Sendable {
    let connection: OpaquePointer
    let socket: Int32
    let reactor: LibPQReactor
    /// Guards libpq's connection state between the task that sends and the reactor that reads.
    private let lock = NIOLock()
    private var waiter: UnsafeContinuation<LibPQResult, any Error>?
    /// The first result of the command in flight (a command yields results, then none).
    private var firstResult: OpaquePointer?
    /// Statements prepared on this connection, by name (touched only by the leasing task).
    private var prepared: Set<String> = []
    private(set) var isBroken = false

    /// Connects (blocking the calling thread while it does) and puts the connection in
    /// non-blocking mode.
    init(conninfo: String, reactor: LibPQReactor) throws(LibPQError) {
        guard let connection = PQconnectdb(conninfo) else { throw LibPQError(message: "out of memory connecting to PostgreSQL") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let error = LibPQError(connection: connection)
            PQfinish(connection)
            throw error
        }
        guard PQsetnonblocking(connection, 1) == 0 else {
            let error = LibPQError(connection: connection)
            PQfinish(connection)
            throw error
        }
        self.connection = connection
        self.socket = PQsocket(connection)
        self.reactor = reactor
        reactor.add(self)
    }

    /// Stops watching the socket and closes the connection, on the reactor's thread.
    func close() {
        reactor.remove(self) { [self] in PQfinish(connection) }
    }

    /// Runs the named prepared statement (preparing it on this connection the first time) with
    /// `parameters` and returns its result, rows in binary format.
    public func execute(
        statement name: String, sql: String, parameterTypes: [PostgresDataType], parameters: LibPQParameters
    ) async throws -> LibPQResult {
        if !prepared.contains(name) {
            let types = parameterTypes.map { Oid($0.rawValue) }
            _ = try await send { connection in PQsendPrepare(connection, name, sql, Int32(types.count), types) }
            prepared.insert(name)
        }
        return try await send { connection in
            parameters.withLibPQArrays { values, lengths, formats in
                PQsendQueryPrepared(connection, name, Int32(parameters.count), values, lengths, formats, 1)
            }
        }
    }

    /// Runs `sql` (no parameters, several statements allowed) for its effect: BEGIN, COMMIT.
    public func execute(_ sql: String) async throws {
        _ = try await send { connection in PQsendQuery(connection, sql) }
    }

    /// Sends one command with `submit` and suspends until its reply is in.
    private func send(_ submit: (OpaquePointer) -> Int32) async throws -> LibPQResult {
        try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<LibPQResult, any Error>) in
            let failure: LibPQError? = lock.withLock {
                guard !isBroken else { return LibPQError(message: "the connection is closed") }
                guard submit(connection) == 1 else { return brokenIfLost(LibPQError(connection: connection)) }
                // A command of a few hundred bytes leaves in one write; a larger one may need the
                // socket to drain first.
                while true {
                    let flushed = PQflush(connection)
                    if flushed == 0 { break }
                    if flushed < 0 { return brokenIfLost(LibPQError(connection: connection)) }
                    var descriptor = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, -1)
                }
                waiter = continuation
                return nil
            }
            if let failure { continuation.resume(throwing: failure) }
        }
    }

    /// Marks the connection broken when libpq has found it lost (the pool replaces it when its
    /// lease ends), and returns `error`. Called with the lock held.
    private func brokenIfLost(_ error: LibPQError) -> LibPQError {
        if PQstatus(connection) == CONNECTION_BAD { isBroken = true }
        return error
    }

    /// Called on the reactor's thread: reads what arrived and, once the command in flight has
    /// all its results, resumes its task.
    func socketIsReadable() {
        var completed: (UnsafeContinuation<LibPQResult, any Error>, Result<LibPQResult, LibPQError>)?
        lock.withLock {
            guard !isBroken, PQconsumeInput(connection) == 1, PQstatus(connection) != CONNECTION_BAD else {
                // Lost: the task waiting learns it now, and a socket libpq still holds open (at
                // end of file, readable for ever) leaves the epoll set.
                isBroken = true
                if let waiter {
                    completed = (waiter, .failure(LibPQError(connection: connection)))
                    self.waiter = nil
                }
                reactor.stopWatching(self)
                return
            }
            guard let waiter else { return }
            while PQisBusy(connection) == 0 {
                guard let result = PQgetResult(connection) else {
                    // No more results: the command is complete.
                    let outcome: Result<LibPQResult, LibPQError>
                    if let first = firstResult {
                        switch PQresultStatus(first) {
                        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                            outcome = .success(LibPQResult(first))
                        default:
                            outcome = .failure(LibPQError(result: first))
                            PQclear(first)
                        }
                    } else {
                        outcome = .failure(LibPQError(message: "the server sent no result"))
                    }
                    firstResult = nil
                    completed = (waiter, outcome)
                    self.waiter = nil
                    return
                }
                if firstResult == nil { firstResult = result } else { PQclear(result) }
            }
        }
        if let (continuation, outcome) = completed {
            continuation.resume(with: outcome.mapError { $0 as any Error })
        }
    }
}
