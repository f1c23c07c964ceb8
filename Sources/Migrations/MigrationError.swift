/// Everything that can go wrong while loading, planning or running migrations.
///
/// Each case carries the facts needed to act on it; ``description`` turns them into a message
/// meant for a person (the `migrate` CLI prints it after `error: `).
public enum MigrationError: Error, Sendable, Hashable {
    // MARK: Configuration

    /// The database URL could not be understood; `url` has its password masked.
    case invalidDatabaseURL(url: String, reason: String)

    /// A TLS setting of the URL (certificate files, …) could not be turned into a TLS context.
    case invalidTLSConfiguration(reason: String)

    /// An argument was out of range (negative step count, bad version, …).
    case invalidArgument(String)

    // MARK: Migration files

    /// The migrations folder does not exist.
    case missingDirectory(path: String)

    /// The migrations path exists but is not a folder.
    case notADirectory(path: String)

    /// A file could not be read or is not UTF-8.
    case unreadableFile(path: String, reason: String)

    /// A `.sql` file whose name is not `{version}_{title}.up.sql` or `{version}_{title}.down.sql`.
    case invalidFileName(file: String, reason: String)

    /// Two files for the same version and direction (e.g. `1_a.up.sql` and `0001_b.up.sql`).
    case duplicateMigration(version: Int64, direction: MigrationDirection, files: [String])

    /// A string, quoted identifier, dollar-quoted body or block comment is never closed.
    case unterminatedSQL(file: String, line: Int, column: Int, construct: String)

    // MARK: Database

    /// The server could not be reached or refused the connection.
    case connectionFailed(endpoint: String, reason: String, hint: String?)

    /// Another migrator held the advisory lock for longer than the lock timeout.
    case lockTimeout(key: Int64, timeoutSeconds: Double)

    /// The bookkeeping table says a migration stopped half-way; nothing runs until `force`.
    /// `retryVersion` is the version to force so that the interrupted migration runs again.
    case dirty(version: Int64, retryVersion: Int64?, directory: String, databaseURL: String?)

    /// The database is at a version that has no file in the folder.
    case unknownDatabaseVersion(version: Int64, directory: String)

    /// `goto` to a version that has no file in the folder.
    case versionNotFound(version: Int64, directory: String)

    /// `up N` / `down N` asked for more steps than there are migrations to run.
    case notEnoughMigrations(direction: MigrationDirection, requested: Int, available: Int, current: Int64?)

    /// A statement of a migration file failed.
    case statementFailed(SQLFailure)

    /// A query of the migrator itself (bookkeeping, lock, drop) failed, or the connection broke.
    case databaseError(operation: String, message: String)

    // MARK: Creating files

    /// `create` was given an empty name or one containing a path separator.
    case invalidMigrationName(name: String, reason: String)

    /// `create` would reuse a version that already has files.
    case versionExists(version: String, file: String)

    /// `create -format` with a layout that does not produce a numeric version.
    case invalidTimestampFormat(format: String, reason: String)

    /// The next sequential version does not fit the requested number of digits.
    case sequenceOverflow(next: String, digits: Int)

    /// A migration file could not be written.
    case cannotWriteFile(path: String, reason: String)
}
