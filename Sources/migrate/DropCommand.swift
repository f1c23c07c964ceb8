import ArgumentParser
import Migrations

/// `migrate … drop [-f]`: empty the current schema.
///
/// Without `-f` it asks on a terminal, as golang-migrate does; without a terminal nobody can
/// confirm, so it refuses rather than drop everything by accident.
struct DropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Drop everything in the current schema: tables, views, sequences, functions and types.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customShort("f"), help: "Drop without asking.")
    var force = false

    func run() async throws {
        let migrator = try global.makeMigrator()
        if !force {
            guard Console.isInteractive else {
                Console.error("error: refusing to drop without -f when standard input is not a terminal")
                throw ExitCode.failure
            }
            guard Console.confirm("Are you sure you want to drop the entire database schema?") else {
                Console.error("error: aborted dropping the entire database schema")
                throw ExitCode.failure
            }
        }
        let summary = try await migrator.drop()
        if global.verbose {
            let kinds = [
                ("tables", summary.tables), ("views", summary.views), ("sequences", summary.sequences),
                ("routines", summary.routines), ("types", summary.types),
            ]
            let counts = kinds.filter { !$0.1.isEmpty }.map { "\($0.1.count) \($0.0)" }
            Console.out(
                counts.isEmpty
                    ? "Schema \(summary.schema) was already empty"
                    : "Dropped \(counts.joined(separator: ", ")) from schema \(summary.schema)")
        }
    }
}
