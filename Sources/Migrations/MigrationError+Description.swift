import Foundation

extension MigrationError: CustomStringConvertible {
    /// A message for a person: what went wrong, where, and what to do about it.
    public var description: String {
        switch self {
        case .invalidDatabaseURL(let url, let reason):
            return "invalid database URL \(url.isEmpty ? "(empty)" : "'\(url)'"): \(reason)"
        case .invalidTLSConfiguration(let reason):
            return "invalid TLS configuration: \(reason)"
        case .invalidArgument(let message):
            return message
        case .missingDirectory(let path):
            return "migrations folder '\(path)' does not exist"
        case .notADirectory(let path):
            return "migrations path '\(path)' is not a folder"
        case .unreadableFile(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .invalidFileName(let file, let reason):
            return "\(file): \(reason); migration files are named {version}_{title}.up.sql and "
                + "{version}_{title}.down.sql, e.g. 000001_init_schema.up.sql"
        case .duplicateMigration(let version, let direction, let files):
            return "duplicate \(direction) migration for version \(version): "
                + files.map { "'\($0)'" }.joined(separator: " and ")
        case .unterminatedSQL(let file, let line, let column, let construct):
            return "\(file):\(line):\(column): unterminated \(construct)"
        case .connectionFailed(let endpoint, let reason, let hint):
            var message = "could not connect to \(endpoint): \(reason)"
            if let hint { message += "; \(hint)" }
            return message
        case .lockTimeout(let key, let seconds):
            return "could not take the migration lock (pg_advisory_lock \(key)) within "
                + "\(Self.formatSeconds(seconds)): another migration is running on this database; "
                + "wait for it or raise the lock timeout"
        case .dirty(let version, let retry, let directory, let url):
            let command =
                "migrate -path \(Self.shellQuoted(directory)) -database \(Self.shellQuoted(url ?? "$DATABASE_URL")) force"
            var message = """
                database version \(version) is dirty: a migration that ran outside a transaction failed or was \
                interrupted part-way, so the schema may be between versions. Repair it by hand, then record the \
                version it is really at with `\(command) N`:
                """
            if version == -1 {
                message += " N = -1 if the first migration's down completed"
                if let retry { message += ", N = \(retry) to run that down migration again" }
            } else {
                message += " N = \(retry ?? -1) to run migration \(version) again, N = \(version) if it is complete"
            }
            return message
        case .unknownDatabaseVersion(let version, let directory):
            return "the database is at version \(version), but '\(directory)' has no migration \(version); "
                + "restore the missing file or `force` the version the schema is at"
        case .versionNotFound(let version, let directory):
            return "no migration with version \(version) in '\(directory)'"
        case .notEnoughMigrations(let direction, let requested, let available, let current):
            let at = current.map { "is at version \($0)" } ?? "has no version"
            let left =
                available == 0
                ? "no \(direction) migrations are left"
                : "only \(available) \(direction) \(Self.plural(available, "migration")) "
                    + (available == 1 ? "is" : "are") + " left"
            return "cannot apply \(requested) \(direction) \(Self.plural(requested, "migration")): "
                + "the database \(at) and \(left); nothing was applied"
        case .statementFailed(let failure):
            var message = "\(failure.location): \(failure.message)"
            if let state = failure.sqlState { message += " (SQLSTATE \(state))" }
            if let detail = failure.detail { message += "\n  detail: \(detail)" }
            if let hint = failure.hint { message += "\n  hint: \(hint)" }
            if let context = failure.context { message += "\n  context: \(context)" }
            let state = failure.versionAfterFailure.map { "is at version \($0)" } ?? "has no version"
            if failure.leftDirty {
                message +=
                    "\n  the file ran outside a transaction, so it could not be rolled back: the database "
                    + "\(state) and is dirty; repair it, then run `migrate … force <version>`"
            } else {
                message += "\n  the migration was rolled back: the database still \(state) and is not dirty"
            }
            return message
        case .databaseError(let operation, let message):
            return "\(operation) failed: \(message)"
        case .invalidMigrationName(let name, let reason):
            return "invalid migration name '\(name)': \(reason)"
        case .versionExists(let version, let file):
            return "migration version \(version) already exists: '\(file)'"
        case .invalidTimestampFormat(let format, let reason):
            return "invalid timestamp format '\(format)': \(reason)"
        case .sequenceOverflow(let next, let digits):
            return "next sequence number \(next) does not fit in \(digits) digits; pass a larger -digits"
        case .cannotWriteFile(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        }
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? noun : noun + "s"
    }

    private static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }

    /// Quotes a value for a POSIX shell when it holds anything but safe characters.
    static func shellQuoted(_ value: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,")
        if !value.isEmpty && value.allSatisfy({ safe.contains($0) }) { return value }
        if value.hasPrefix("$") && value.dropFirst().allSatisfy({ $0 == "_" || $0.isLetter }) { return "\"\(value)\"" }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
