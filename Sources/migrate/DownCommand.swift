import ArgumentParser
import Migrations

/// `migrate … down [N | -all]`.
///
/// Without N golang-migrate asks before undoing everything; so does this command on a terminal.
/// When standard input is not a terminal (CI, `make migrate-down`) nobody can answer, and the
/// command applies all down migrations, as the Makefile target intends. `-all` skips the question.
struct DownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down",
        abstract: "Undo all applied migrations, or the last N.",
        discussion: """
            Without N, asks for confirmation when standard input is a terminal (skip it with -all); \
            when it is not (scripts, make), applies all down migrations without asking.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("all", withSingleDash: true), help: "Undo all migrations without asking.")
    var all = false

    @Argument(help: "How many migrations to undo (default: all).")
    var count: Int?

    func validate() throws {
        if all && count != nil { throw ValidationError("-all cannot be used with a count") }
    }

    func run() async throws {
        let migrator = try global.makeMigrator()
        if count == nil && !all && Console.isInteractive {
            guard Console.confirm("Are you sure you want to apply all down migrations?") else {
                Console.error("error: not applying all down migrations")
                throw ExitCode.failure
            }
        }
        let started = ContinuousClock.now
        let applied = try await migrator.down(steps: count) { Console.progress($0, verbose: global.verbose) }
        Console.report(applied, verbose: global.verbose, started: started)
    }
}
