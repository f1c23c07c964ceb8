import Foundation
import Migrations

/// Where the CLI writes: results to standard output, errors to standard error.
enum Console {
    /// Writes a line to standard output.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether standard input is a terminal a person could answer a question on.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Asks a yes/no question on the terminal; anything but `y`/`yes` is no.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Prints what ran, golang-migrate style, and `no change` when nothing did.
    static func report(_ applied: [AppliedMigration], verbose: Bool, started: ContinuousClock.Instant) {
        if applied.isEmpty { out("no change") }
        if verbose {
            out("Finished after \(format(ContinuousClock.now - started))")
        }
    }

    /// Prints one migration as it completes.
    static func progress(_ migration: AppliedMigration, verbose: Bool) {
        out(migration.description)
        if verbose {
            let file = migration.fileName ?? "no \(migration.direction) file; version moved only"
            let mode = migration.inTransaction ? "in a transaction" : "outside a transaction"
            let version = migration.versionAfter.map { "version \($0)" } ?? "no version"
            let statements = migration.statementCount == 1 ? "1 statement" : "\(migration.statementCount) statements"
            out("  \(file): \(statements) \(mode), now at \(version)")
        }
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds =
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return milliseconds < 10_000
            ? "\((milliseconds * 10).rounded() / 10)ms" : "\((milliseconds / 100).rounded() / 10)s"
    }
}
