import Foundation
import Migrations

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The HTTP workloads: a bank-server started for the run, a handful of users with USD accounts
/// created through its API, then wrk hammering `GET /accounts/{id}` and `POST /transfers`.
///
/// Everything that can be missing (the binary, wrk, the routes) ends in a skip with the reason,
/// never in a failed run: the server lives on another branch until it is merged.
struct HTTPBench: Sendable {
    /// The `bank-server` executable to start.
    var serverPath: String
    /// The wrk executable, if installed.
    var wrkPath: String?
    var url: DatabaseURL
    var databaseURLString: String
    var migrationsDirectory: String
    var workDirectory: URL
    /// How many users (each with one USD account and its own token) the requests spread over.
    var users = 16

    /// A user the requests act as.
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

    /// Starts the server and creates the users; throws `HTTPSkip` when the routes are not there.
    func start(fixture: Fixture) async throws -> Session {
        let port = try Self.freePort()
        var environment = ProcessInfo.processInfo.environment
        environment["ENVIRONMENT"] = "development"
        environment["DB_SOURCE"] = databaseURLString
        environment["MIGRATION_URL"] = "file://" + URL(fileURLWithPath: migrationsDirectory).standardizedFileURL.path
        environment["HTTP_SERVER_ADDRESS"] = "127.0.0.1:\(port)"
        environment["ACCESS_TOKEN_DURATION"] = "2h"
        environment["LOG_LEVEL"] = "warning"
        let log = workDirectory.appendingPathComponent("bank-server.log")
        let process = try Subprocess(executable: serverPath, arguments: [], environment: environment, logPath: log.path)
        let baseURL = "http://127.0.0.1:\(port)"
        do {
            try await waitUntilUp(baseURL, process: process, log: log)
            let actors = try await createActors(baseURL)
            // Accounts opened through the API start empty; fund them directly so no transfer is refused.
            try await fixture.withConnection { connection in
                try await fixture.execute(
                    "UPDATE accounts SET balance = \(Fixture.seedBalance) WHERE id IN (\(actors.map { String($0.accountID) }.joined(separator: ",")))",
                    on: connection)
            }
            return Session(process: process, baseURL: baseURL, actors: actors)
        } catch {
            process.stop()
            throw error
        }
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

    /// The Lua for `GET /accounts/{id}`: a random user reads their own account.
    static func getAccountScript(_ actors: [Actor]) -> String {
        luaActors(actors) + """
            request = function()
              local a = actors[math.random(#actors)]
              return wrk.format("GET", "/accounts/" .. a.id, { ["Authorization"] = "Bearer " .. a.token })
            end

            """
    }

    /// The Lua for `POST /transfers`: a random user sends 1 unit to another random user.
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

    private func createActors(_ baseURL: String) async throws -> [Actor] {
        let run = String(UInt64(Date().timeIntervalSince1970 * 1000) % 100_000_000)
        var actors: [Actor] = []
        for index in 0..<users {
            let username = "http_\(run)_\(index)"
            let password = "secret123"
            let (created, createdBody) = try await Self.request(
                "POST", baseURL + "/users",
                json: ["username": username, "password": password, "full_name": "Bench User", "email": "\(username)@example.com"])
            if created == 404 || created == 405 {
                throw HTTPSkip(reason: "skipped: bank-server has no bank routes yet (POST /users → \(created))")
            }
            guard created == 200 || created == 201 else {
                throw HTTPSkip(reason: "skipped: POST /users → \(created): \(String(decoding: createdBody, as: UTF8.self))")
            }
            let (loggedIn, loginBody) = try await Self.request(
                "POST", baseURL + "/users/login", json: ["username": username, "password": password])
            guard loggedIn == 200,
                let login = try JSONSerialization.jsonObject(with: loginBody) as? [String: Any],
                let token = login["access_token"] as? String
            else { throw HTTPSkip(reason: "skipped: POST /users/login → \(loggedIn)") }
            let (opened, accountBody) = try await Self.request(
                "POST", baseURL + "/accounts", json: ["currency": "USD"], token: token)
            guard opened == 200 || opened == 201,
                let account = try JSONSerialization.jsonObject(with: accountBody) as? [String: Any],
                let id = Self.int64(account["id"])
            else { throw HTTPSkip(reason: "skipped: POST /accounts → \(opened)") }
            actors.append(Actor(accountID: id, token: token))
        }
        return actors
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
