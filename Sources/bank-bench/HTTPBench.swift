import BankServer
import Foundation
import Migrations

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The HTTP workloads: a bank-server started for the run, then wrk hammering `GET /accounts/{id}`
/// and `POST /transfers` over the fixture's 10,000 accounts, the same ones the data workloads and
/// pgbench use, so that the HTTP cells differ from them by the server alone and not by lock
/// contention on a few hot rows.
///
/// The harness gives the server an Ed25519 key and signs each account owner's access token with
/// it, as `POST /users/login` would: logging 10,000 users in would cost 10,000 bcrypt checks.
///
/// Everything that can be missing (the binary, wrk, the routes) ends in a skip with the reason,
/// never in a failed run.
struct HTTPBench: Sendable {
    /// The `bank-server` executable to start.
    var serverPath: String
    /// The wrk executable, if installed.
    var wrkPath: String?
    var url: DatabaseURL
    var databaseURLString: String
    var migrationsDirectory: String
    var workDirectory: URL

    /// An account owner the requests act as, with a token the server accepts.
    struct Actor: Sendable {
        var accountID: Int64
        var token: String
    }

    /// The server once it answers, with the users to drive it.
    struct Session {
        var process: Subprocess
        var baseURL: String
        var actors: [Actor]

        func stop() { process.stop() }
    }

    /// Why the HTTP workloads cannot run here, or nil when they can.
    func unavailableReason() -> String? {
        if !FileManager.default.isExecutableFile(atPath: serverPath) { return "skipped: bank-server not built" }
        if wrkPath == nil { return "skipped: wrk not installed (apt-get install -y wrk)" }
        return nil
    }

    /// Starts the server and signs a token for every fixture account's owner; throws `HTTPSkip`
    /// when the server does not serve the bank's routes.
    func start(fixture: Fixture) async throws -> Session {
        let port = try Self.freePort()
        let privateKey = Hex.encode((0..<32).map { _ in UInt8.random(in: .min ... .max) })
        var environment = ProcessInfo.processInfo.environment
        environment["ENVIRONMENT"] = "development"
        environment["DB_SOURCE"] = databaseURLString
        environment["MIGRATION_URL"] = "file://" + URL(fileURLWithPath: migrationsDirectory).standardizedFileURL.path
        environment["HTTP_SERVER_ADDRESS"] = "127.0.0.1:\(port)"
        environment["ACCESS_TOKEN_DURATION"] = "2h"
        environment["LOG_LEVEL"] = "warning"
        environment[TokenConfiguration.Key.type] = TokenType.pasetoV4Public.rawValue
        environment[TokenConfiguration.Key.privateKey] = privateKey
        let log = workDirectory.appendingPathComponent("bank-server.log")
        let process = try Subprocess(executable: serverPath, arguments: [], environment: environment, logPath: log.path)
        let baseURL = "http://127.0.0.1:\(port)"
        do {
            let maker = try await TokenMakerFactory.makeTokenMaker(
                TokenConfiguration(type: .pasetoV4Public, privateKey: privateKey), environment: "development"
            ).maker
            let actors = try await signActors(fixture: fixture, maker: maker)
            try await waitUntilUp(baseURL, process: process, log: log)
            // One authenticated read before the clock: a server that refuses the tokens or lacks
            // the route is a skip with its answer, not a run of 4xx.
            let probe = actors[0]
            let (status, body) = try await Self.request("GET", baseURL + "/accounts/\(probe.accountID)", token: probe.token)
            guard status == 200 else {
                throw HTTPSkip(reason: "skipped: GET /accounts/\(probe.accountID) → \(status): \(String(decoding: body, as: UTF8.self))")
            }
            return Session(process: process, baseURL: baseURL, actors: actors)
        } catch {
            process.stop()
            throw error
        }
    }

    /// A token for the owner of each fixture account, in account order.
    private func signActors(fixture: Fixture, maker: any TokenMaker) async throws -> [Actor] {
        let owners = try await fixture.accountOwners()
        var actors: [Actor] = []
        actors.reserveCapacity(owners.count)
        for (accountID, owner) in owners {
            let token = try await maker.createToken(username: owner, role: "depositor", duration: .seconds(2 * 3600)).token
            actors.append(Actor(accountID: accountID, token: token))
        }
        return actors
    }

    /// Runs wrk for `seconds` with `clients` connections and the given Lua script.
    func wrk(session: Session, script: String, name: String, clients: Int, seconds: Int) throws -> WrkResult {
        let scriptURL = workDirectory.appendingPathComponent("\(name).lua")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let (status, output) = try Subprocess.run(
            wrkPath ?? "wrk",
            [
                "-t", String(min(clients, 2)), "-c", String(clients), "-d", "\(seconds)s", "--latency",
                "-s", scriptURL.path, session.baseURL,
            ], scratch: workDirectory)
        guard status == 0, let result = WrkResult(output: output) else {
            throw PgBenchError(message: "wrk failed (\(status)):\n\(output)")
        }
        return result
    }

    /// The Lua for `GET /accounts/{id}`: a random owner reads their own account.
    static func getAccountScript(_ actors: [Actor]) -> String {
        luaActors(actors) + """
            request = function()
              local a = actors[math.random(#actors)]
              return wrk.format("GET", "/accounts/" .. a.id, { ["Authorization"] = "Bearer " .. a.token })
            end

            """
    }

    /// The Lua for `POST /transfers`: a random owner sends 1 unit to another random account.
    static func transferScript(_ actors: [Actor]) -> String {
        luaActors(actors) + """
            request = function()
              local i = math.random(#actors)
              local j = math.random(#actors - 1)
              if j >= i then j = j + 1 end
              local body = string.format('{"from_account_id":%d,"to_account_id":%d,"amount":1,"currency":"USD"}',
                actors[i].id, actors[j].id)
              return wrk.format("POST", "/transfers",
                { ["Authorization"] = "Bearer " .. actors[i].token, ["Content-Type"] = "application/json" }, body)
            end

            """
    }

    private static func luaActors(_ actors: [Actor]) -> String {
        let rows = actors.map { "  { id = \($0.accountID), token = \"\($0.token)\" }," }.joined(separator: "\n")
        return "math.randomseed(42)\nactors = {\n\(rows)\n}\n"
    }

    private func waitUntilUp(_ baseURL: String, process: Subprocess, log: URL) async throws {
        // Bounded: 60 tries, half a second apart (the server migrates before it listens).
        for _ in 0..<60 {
            guard process.isRunning else {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw HTTPSkip(reason: "skipped: bank-server exited at start:\n\(text.suffix(2000))")
            }
            if let (status, _) = try? await Self.request("GET", baseURL + "/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw HTTPSkip(reason: "skipped: bank-server did not answer GET /health within 30 s")
    }

    /// A JSON number as `Int64`, whichever type JSONSerialization chose for it on this platform.
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let number as Int64: return number
        case let number as Int: return Int64(number)
        case let number as NSNumber: return number.int64Value
        default: return nil
        }
    }

    /// One HTTP request; returns the status and the body.
    static func request(
        _ method: String, _ url: String, json: [String: String]? = nil, token: String? = nil
    ) async throws -> (Int, Data) {
        guard let target = URL(string: url) else { throw HTTPSkip(reason: "bad URL \(url)") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
                }
            }.resume()
        }
    }

    /// A port nobody listens on right now: bind port 0 on 127.0.0.1 and read what the kernel chose.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HTTPSkip(reason: "skipped: no socket for a free port") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw HTTPSkip(reason: "skipped: could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The HTTP workloads cannot run; `reason` says why, starting with "skipped:".
struct HTTPSkip: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
