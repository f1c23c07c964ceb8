import ArgumentParser
import Migrations

/// `migrate … goto V`.
struct GotoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goto", abstract: "Migrate up or down to version V.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The version to end at; it must have a migration file.")
    var version: Int64

    func run() async throws {
        let migrator = try global.makeMigrator()
        let started = ContinuousClock.now
        let applied = try await migrator.goto(version) { Console.progress($0, verbose: global.verbose) }
        Console.report(applied, verbose: global.verbose, started: started)
    }
}
