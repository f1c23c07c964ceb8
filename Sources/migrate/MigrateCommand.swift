import ArgumentParser
import Dispatch
import Foundation
import Migrations

/// `migrate`: a golang-migrate compatible command line over the Migrations library.
@main
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply golang-migrate style SQL migrations to PostgreSQL.",
        discussion: """
            Each migration file runs in one transaction with the version update, so a failed file \
            leaves the previous version, not a dirty database. An advisory lock lets several \
            migrators start at once.

            Examples:
              migrate -path db/migration -database "$DB_URL" -verbose up
              migrate -path db/migration -database "$DB_URL" down 1
              migrate create -ext sql -dir db/migration -seq add_users
            """,
        subcommands: [
            UpCommand.self, DownCommand.self, GotoCommand.self, ForceCommand.self, VersionCommand.self,
            DropCommand.self, CreateCommand.self,
        ],
        // golang-migrate spells it -help.
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    @OptionGroup var global: GlobalOptions

    /// Runs the command with `error: …` messages and exit status 1 for every failure, and stops
    /// between migration files on the first Ctrl-C (a second one quits at once), as golang-migrate does.
    static func main() async {
        let task = Task {
            // Parsed inside the task: a command value is not Sendable, so it must not cross into it.
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
        let interrupts = Self.stopOnInterrupt(task)
        do {
            try await task.value
            interrupts.cancel()
        } catch is CancellationError {
            Console.error("error: interrupted; stopped before the next migration")
            Foundation.exit(1)
        } catch {
            fail(error)
        }
    }

    private static func fail(_ error: any Error) -> Never {
        if let error = error as? MigrationError {
            Console.error("error: \(error)")
            Foundation.exit(1)
        }
        if let code = error as? ExitCode {
            // The command already said why.
            Foundation.exit(code.rawValue)
        }
        if exitCode(for: error) == .success {
            // --help and friends.
            exit(withError: error)
        }
        var message = fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
        Console.error(message)
        Foundation.exit(1)
    }

    private static func stopOnInterrupt(_ task: Task<Void, any Error>) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        // A serial queue: the handler's state is only touched there.
        let queue = DispatchQueue(label: "migrate.interrupts")
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        let state = InterruptState()
        source.setEventHandler {
            if state.interrupted { Foundation.exit(130) }
            state.interrupted = true
            Console.error("stopping after the current migration (press Ctrl-C again to quit now)")
            task.cancel()
        }
        source.resume()
        return source
    }
}

/// Whether Ctrl-C was pressed once already; confined to the signal source's serial queue.
private final class InterruptState: @unchecked Sendable {
    var interrupted = false
}
