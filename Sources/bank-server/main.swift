import BankServer
import Foundation
import Logging

// `bank-server`: the bank's HTTP server (BankServer does the work). Settings come from the
// environment and from `app.env` in the working directory; logs go to standard error at LOG_LEVEL.
// Exit status: 0 after a graceful shutdown (SIGTERM, SIGINT), 1 when the start or the server fails.

/// Runs the server and returns the exit status.
func runServer() async -> Int32 {
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
        try await BankServerMain.run(config: config)
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

exit(await runServer())
