import BankServer
import Foundation
import Logging
import NIOCore
import NIOPosix

// `bank-server`: the bank's HTTP server (BankServer does the work), with the job worker that
// sends verification mails; `bank-server worker` runs the worker alone, for deployments that
// separate them. Settings come from the environment and from `app.env` in the working directory;
// logs go to standard error at LOG_LEVEL. Exit status: 0 after a graceful shutdown (SIGTERM,
// SIGINT), 1 when the start or the server fails, 2 for an unknown argument.

/// Runs the server (or the worker alone) and returns the exit status.
func runServer(arguments: [String]) async -> Int32 {
    let workerOnly: Bool
    switch arguments {
    case []: workerOnly = false
    case ["worker"]: workerOnly = true
    default:
        FileHandle.standardError.write(Data("usage: bank-server [worker]\n".utf8))
        return 2
    }
    let config: ServerConfig
    do {
        config = try ServerConfig.load()
    } catch {
        return fail(error.message)
    }

    // Once per process, before the first logger is made, so every logger (the server's, the
    // connection pool's, the service group's) writes to stderr at the configured level.
    let level = config.logLevel
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }

    do {
        if workerOnly {
            try await BankServerMain.runWorker(config: config)
        } else {
            try await BankServerMain.run(config: config)
        }
        return 0
    } catch let error as ConfigError {
        return fail(error.message)
    } catch {
        return fail(String(describing: error))
    }
}

/// Prints `error: <message>` to standard error; returns the failure status.
func fail(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return 1
}

// First, before any task is enqueued: NIO's event loops become Swift Concurrency's global
// executor, so a route resumes on the event loop its I/O completed on instead of hopping to the
// cooperative pool and back at every await (Hummingbird's advice for servers). That requires that
// nothing blocks a thread; bcrypt, the one slow blocking call, runs on NIO's thread pool. If another
// hook is already installed, the default executor stays and the server works as before.
//
// There is one loop per core unless NIO_SINGLETON_GROUP_LOOP_COUNT says otherwise. On a 2-core
// host shared with PostgreSQL, 1 loop measured 10-15% less CPU per request at the same throughput
// (no wake-up of the other loop at every query); the default stays, as a host whose database runs
// elsewhere can use both cores.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

exit(await runServer(arguments: Array(CommandLine.arguments.dropFirst())))
