import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import PostgresTestSupport
import Testing

@testable import PostgresLibPQ

/// ``LibPQClient`` against the local PostgreSQL (`DATABASE_URL`, as `make test` sets it).
@Suite("libpq client")
struct LibPQClientTests {
    static var conninfo: String { PostgresTestServer.urlString }

    static func run<T: Sendable>(
        _ client: LibPQClient, _ name: String, _ sql: String, _ types: [PostgresDataType] = [],
        _ bind: (inout LibPQParameters) throws -> Void = { _ in }, _ read: (LibPQResult) throws -> T
    ) async throws -> T {
        var parameters = LibPQParameters()
        try bind(&parameters)
        let result = try await client.withConnection { connection in
            try await connection.execute(statement: name, sql: sql, parameterTypes: types, parameters: parameters)
        }
        return try read(result)
    }

    @Test("binary parameters and rows through PostgresNIO's coders, NULL as nil, several rows")
    func parametersAndRows() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { client.shutdown() }
        let when = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let row = try await Self.run(
            client, "roundtrip", "SELECT $1::int8 + 1, $2::text || '!', $3::int8, $4::timestamptz", [.int8, .text, .int8, .timestamptz],
            {
                try $0.append(Int64(41))
                try $0.append("héllo")
                try $0.append(Int64?.none)
                try $0.append(when)
            }
        ) { result in
            (
                result.rowCount, try result.decode(Int64.self, row: 0, column: 0), try result.decode(String.self, row: 0, column: 1),
                try result.decode(Int64?.self, row: 0, column: 2), try result.decode(Date.self, row: 0, column: 3)
            )
        }
        #expect(row.0 == 1)
        #expect(row.1 == 42)
        #expect(row.2 == "héllo!")
        #expect(row.3 == nil)
        #expect(abs(row.4.timeIntervalSince(when)) < 0.000_001)

        let series = try await Self.run(client, "series", "SELECT g FROM generate_series(1, $1::int4) AS g", [.int4], { try $0.append(Int32(5)) }) {
            result in try (0..<result.rowCount).map { try result.decode(Int32.self, row: $0, column: 0) }
        }
        #expect(series == [1, 2, 3, 4, 5])
    }

    @Test("a statement is prepared once per connection and reused")
    func preparedOnce() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { client.shutdown() }
        for value in 1...3 {
            let echoed = try await Self.run(client, "echo", "SELECT $1::int8", [.int8], { try $0.append(Int64(value)) }) {
                try $0.decode(Int64.self, row: 0, column: 0)
            }
            #expect(echoed == Int64(value))
        }
        let prepared = try await Self.run(client, "count-prepared", "SELECT count(*) FROM pg_prepared_statements WHERE name = 'echo'") {
            try $0.decode(Int64.self, row: 0, column: 0)
        }
        #expect(prepared == 1)
    }

    @Test("a server error carries its message and SQLSTATE; the connection stays usable")
    func serverError() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { client.shutdown() }
        await #expect {
            try await Self.run(client, "divide", "SELECT 1 / $1::int4", [.int4], { try $0.append(Int32(0)) }) { _ in () }
        } throws: { error in
            let failure = error as? LibPQError
            return failure?.sqlState == "22012" && failure?.message.contains("division by zero") == true
        }
        let next = try await Self.run(client, "divide", "SELECT 1 / $1::int4", [.int4], { try $0.append(Int32(1)) }) {
            try $0.decode(Int32.self, row: 0, column: 0)
        }
        #expect(next == 1)
        try await client.withConnection { connection in
            try await connection.execute("BEGIN; SELECT 1; COMMIT")
        }
    }

    @Test("a connection the server ends is an error for its task and is replaced for the next")
    func terminatedConnection() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { client.shutdown() }
        let pid = try await Self.run(client, "pid", "SELECT pg_backend_pid()") { try $0.decode(Int32.self, row: 0, column: 0) }
        let killer = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { killer.shutdown() }
        let terminated = try await Self.run(killer, "terminate", "SELECT pg_terminate_backend($1::int4)", [.int4], { try $0.append(pid) }) {
            try $0.decode(Bool.self, row: 0, column: 0)
        }
        #expect(terminated)
        // The server's goodbye may be read before or during the next command: either way an error.
        await #expect(throws: LibPQError.self) {
            for _ in 0..<50 {
                _ = try await Self.run(client, "pid", "SELECT pg_backend_pid()") { try $0.decode(Int32.self, row: 0, column: 0) }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let newPID = try await Self.run(client, "pid", "SELECT pg_backend_pid()") { try $0.decode(Int32.self, row: 0, column: 0) }
        #expect(newPID != pid)
    }

    @Test("more tasks than connections wait their turn; never more than the pool at once")
    func waitersAreServed() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 2, threads: 2)
        defer { client.shutdown() }
        let inUse = Counter()
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await client.withConnection { connection in
                        inUse.change(by: 1)
                        defer { inUse.change(by: -1) }
                        var parameters = LibPQParameters()
                        try parameters.append(Int32(index))
                        let result = try await connection.execute(
                            statement: "sleep-echo", sql: "SELECT $1::int4 FROM pg_sleep(0.01)", parameterTypes: [.int4],
                            parameters: parameters)
                        return try result.decode(Int32.self, row: 0, column: 0)
                    }
                }
            }
            var seen: Set<Int32> = []
            for try await value in group { seen.insert(value) }
            #expect(seen == Set(0..<20))
        }
        #expect(inUse.peak == 2)
    }

    @Test("a task that prefers a reactor runs on its thread, before and after each reply")
    func tasksRunOnTheReactor() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 2, threads: 2)
        defer { client.shutdown() }
        for executor in client.executors {
            let reactor = try #require(executor as? LibPQReactor)
            let onReactor = try await Task(executorPreference: executor) {
                var checks = [reactor.isCurrent]
                for _ in 0..<3 {
                    _ = try await Self.run(client, "one", "SELECT 1") { try $0.decode(Int32.self, row: 0, column: 0) }
                    checks.append(reactor.isCurrent)
                }
                return checks
            }.value
            #expect(onReactor == [true, true, true, true])
        }
    }

    @Test("a megabyte parameter leaves in several writes and comes back whole")
    func largeParameter() async throws {
        let client = try LibPQClient(conninfo: Self.conninfo, connections: 1)
        defer { client.shutdown() }
        let text = String(repeating: "0123456789abcdef", count: 65_536)
        let length = try await Self.run(client, "length", "SELECT length($1::text), md5($1::text)", [.text], { try $0.append(text) }) {
            (try $0.decode(Int32.self, row: 0, column: 0), try $0.decode(String.self, row: 0, column: 1))
        }
        #expect(length.0 == 1_048_576)
        #expect(length.1.count == 32)
    }

    @Test("a server that cannot be reached is one clear error")
    func unreachable() {
        #expect {
            try LibPQClient(conninfo: "postgresql://root:secret@127.0.0.1:1/simple_bank?connect_timeout=2", connections: 1)
        } throws: { error in
            (error as? LibPQError)?.message.contains("127.0.0.1") == true
        }
    }
}

/// How many tasks hold a connection now, and the most that ever did.
final class Counter: Sendable {
    private let state = NIOLockedValueBox((now: 0, peak: 0))

    func change(by delta: Int) {
        state.withLockedValue { state in
            state.now += delta
            state.peak = max(state.peak, state.now)
        }
    }

    var peak: Int { state.withLockedValue { $0.peak } }
}
