import Foundation

/// A child process started with `posix_spawn`, with an empty signal mask and default signal
/// handlers.
///
/// Foundation's `Process` spawns from whatever thread runs the call, and Dispatch and NIO threads
/// block most signals; the child inherits that mask. pgbench ends its `-T` run on SIGALRM and the
/// bank server stops on SIGTERM, so under `Process` both ran forever.
struct Subprocess {
    let pid: pid_t

    /// Starts `executable` with `arguments`, standard output and error appended to `logPath`.
    init(
        executable: String, arguments: [String], environment: [String: String]? = nil, logPath: String
    ) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw PgBenchError(message: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
    }

    /// Whether the child is still running (reaps it if it has ended).
    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Waits for the child to end and returns its exit status (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Sends SIGTERM, and SIGKILL if the child has not ended after `grace`; then reaps it.
    func stop(grace: Duration = .seconds(10)) {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now.advanced(by: grace)
        var status: Int32 = 0
        // Bounded by the deadline, 50 ms apart.
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        wait()
    }

    /// Runs to completion and returns (exit status, everything it printed).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, scratch: URL
    ) throws -> (Int32, String) {
        let log = scratch.appendingPathComponent("subprocess-\(UInt32.random(in: 0...UInt32.max)).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let child = try Subprocess(
            executable: executable, arguments: arguments, environment: environment, logPath: log)
        let status = child.wait()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (status, output)
    }
}
