import ArgumentParser
import Migrations

/// `migrate … up [N]`.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up", abstract: "Apply all pending up migrations, or the next N.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "How many migrations to apply (default: all).")
    var count: Int?

    func run() async throws {
        let migrator = try global.makeMigrator()
        let started = ContinuousClock.now
        let applied = try await migrator.up(steps: count) { Console.progress($0, verbose: global.verbose) }
        Console.report(applied, verbose: global.verbose, started: started)
    }
}
