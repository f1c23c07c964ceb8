import ArgumentParser
import Foundation
import Migrations

/// The flags golang-migrate takes before its command, spelled with one dash as it spells them.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("path", withSingleDash: true),
        help: ArgumentHelp("The migrations folder (shorthand for -source file://PATH).", valueName: "folder"))
    var path: String?

    @Option(
        name: .customLong("source", withSingleDash: true),
        help: ArgumentHelp("The migrations as a golang-migrate source URL: file://PATH.", valueName: "url"))
    var source: String?

    @Option(
        name: .customLong("database", withSingleDash: true),
        help: ArgumentHelp(
            "The database URL: postgresql://user:password@host:port/dbname?sslmode=disable.", valueName: "url"))
    var database: String?

    @Flag(name: .customLong("verbose", withSingleDash: true), help: "Print more about what happens.")
    var verbose = false

    @Option(
        name: .customLong("lock-timeout", withSingleDash: true),
        help: ArgumentHelp("Seconds to wait for another migrator's lock.", valueName: "seconds"))
    var lockTimeout: Int = 15

    func validate() throws {
        if path != nil && source != nil {
            throw ValidationError("-path and -source are mutually exclusive")
        }
        if lockTimeout < 0 {
            throw ValidationError("-lock-timeout must not be negative")
        }
    }

    /// The migrations folder, from `-path` or `-source`.
    func sourceDirectory() throws -> String {
        if let path { return path }
        if let source {
            guard source.hasPrefix("file://") else {
                throw ValidationError("-source supports only file:// URLs, got '\(source)'")
            }
            return source
        }
        throw ValidationError("missing -path (the migrations folder, e.g. -path db/migration)")
    }

    /// A migrator for `-path`/`-source` and `-database`.
    func makeMigrator() throws -> Migrator {
        let directory = try sourceDirectory()
        guard let database, !database.isEmpty else {
            throw ValidationError("missing -database (e.g. -database postgresql://root:secret@localhost:5432/simple_bank)")
        }
        // The URL is checked before the folder: both are needed, and a bad URL is the cheaper fix.
        let url = try DatabaseURL(database)
        let source = try MigrationSource(directory: directory)
        return try Migrator(
            databaseURL: url, source: source,
            options: Migrator.Options(lockTimeout: .seconds(lockTimeout)))
    }
}
