import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `bank-server` process started by a test, as a user or a process manager would start it:
/// settings in the environment only, output captured in files (a pipe nobody reads could fill
/// up and stall the server).
///
/// Every wait is bounded; ``stop()`` kills whatever is still running, so a failing test never
/// leaves a server behind.
struct ServerProcess {
    /// The built `bank-server` next to the test bundle.
    static func executable() throws -> URL {
        var folders: [URL] = []
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        if let argument = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("bank-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(searched: folders.map(\.path))
    }

    /// The executable was not built.
    struct Missing: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the bank-server executable was not found next to the tests (searched \(searched)); "
                + "build it with `swift build --product bank-server`"
        }
    }

    /// A wait ran out.
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    /// Holds the process's output files; removed by ``stop()``.
    let folder: URL

    /// Starts `bank-server` with exactly `environment` (nothing inherited, so a developer's
    /// `DB_SOURCE` or `LOG_LEVEL` cannot leak in) in an empty working directory (so no
    /// `app.env` is read).
    static func start(environment: [String: String], arguments: [String] = []) throws -> ServerProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bank-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("stdout.log")
        let errors = folder.appendingPathComponent("stderr.log")
        // FileHandle(forWritingTo:) below reports a file that could not be created.
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return ServerProcess(process: process, folder: folder)
    }

    /// Everything the server wrote to standard error so far (its log and `error:` lines).
    var standardError: String {
        (try? String(contentsOf: folder.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? ""
    }

    /// Polls `GET /health` until it answers 200, the process exits, or `limit` passes.
    func waitUntilHealthy(port: Int, within limit: Duration) async throws -> LoopbackHTTP.Response {
        let deadline = ContinuousClock.now + limit
        var lastFailure = "no attempt"
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw Timeout(description: "bank-server exited with status \(process.terminationStatus) before it was healthy:\n\(standardError)")
            }
            do {
                let response = try LoopbackHTTP.get("/health", port: port)
                if response.status == 200 { return response }
                lastFailure = "status \(response.status): \(response.body)"
            } catch {
                lastFailure = "\(error)"  // not listening yet
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Timeout(description: "GET /health did not answer 200 within \(limit) (last: \(lastFailure)):\n\(standardError)")
    }

    /// Waits for the process to end; its exit status, or nil when `limit` passed first.
    func waitForExit(within limit: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Sends `signal` (SIGTERM by default), as a process manager does to stop a service.
    func send(_ signal: Int32 = SIGTERM) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Kills the process if it still runs and removes its output files.
    func stop() async {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            _ = await waitForExit(within: .seconds(5))
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
