import Foundation
import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs a script of schema statements one by one (the extended protocol takes one at a time),
    /// skipping comment-only pieces. Statements are split at `;`, so the script must not hold a
    /// `;` inside a statement (function bodies, string literals).
    public func runStatements(of script: String, logger: Logger) async throws {
        for statement in script.split(separator: ";") {
            let code = statement.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            guard !code.joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            _ = try await query(PostgresQuery(unsafeSQL: String(statement)), logger: logger).collect()
        }
    }
}
