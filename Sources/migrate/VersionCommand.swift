import ArgumentParser
import Migrations

/// `migrate … version`: prints `3` or `3 (dirty)`.
///
/// With no migration applied it fails with `error: no migration` and status 1, as golang-migrate
/// does, so scripts that test the exit status keep working.
struct VersionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the current migration version.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let migrator = try global.makeMigrator()
        guard let version = try await migrator.version() else {
            Console.error("error: no migration")
            throw ExitCode.failure
        }
        Console.out(version.description)
    }
}
