import Migrations

/// Why ``StartupMigration`` could not bring the database up to date, e.g.
/// `database migration failed: 000002_add_users.up.sql:4:1: relation "userz" does not exist …`.
///
/// The message comes from the `Migrations` library (which masks passwords) and says what to do
/// where it can: start PostgreSQL, repair a dirty database, fix `MIGRATION_URL`.
public struct StartupMigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, without the `database migration failed: ` prefix.
    public let message: String
    /// The library's error, when it was one (nil for cancellation and the like).
    public let migrationError: MigrationError?

    /// Wraps an error thrown while loading or applying migrations from `migrationURL`.
    public init(_ error: any Error, migrationURL: String) {
        let migrationError = error as? MigrationError
        var message = migrationError.map(\.description) ?? String(describing: error)
        switch migrationError {
        case .missingDirectory?, .notADirectory?:
            // The default `file://db/migration` is relative: the usual cause is the working directory.
            message +=
                " (MIGRATION_URL is \(migrationURL); a relative path is read from the working directory, "
                + "so run the server from the repository root or set MIGRATION_URL)"
        default:
            break
        }
        self.message = message
        self.migrationError = migrationError
    }

    public var description: String { "database migration failed: \(message)" }
}
