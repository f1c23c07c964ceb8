extension SQLStatement {
    /// Why this statement cannot run inside the transaction that normally wraps a migration file,
    /// or `nil` when it can.
    ///
    /// Two kinds of statements qualify:
    /// - commands PostgreSQL refuses inside a transaction block (`CREATE INDEX CONCURRENTLY`,
    ///   `DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY`, `ALTER TABLE … DETACH PARTITION …
    ///   CONCURRENTLY`, `VACUUM`, `CREATE|DROP DATABASE`, `CREATE|DROP TABLESPACE`, `ALTER SYSTEM`,
    ///   `CREATE|DROP SUBSCRIPTION`, `DISCARD ALL`);
    /// - transaction control (`BEGIN`, `START TRANSACTION`, `COMMIT`, `END`, `ROLLBACK`, `ABORT`):
    ///   a file written for golang-migrate may manage its own transactions, and wrapping it in ours
    ///   would let its `COMMIT` end our transaction half-way.
    public var outsideTransactionReason: String? {
        let words = leadingWords
        func starts(with prefix: String...) -> Bool { words.starts(with: prefix) }

        if starts(with: "create", "index", "concurrently") || starts(with: "create", "unique", "index", "concurrently") {
            return "CREATE INDEX CONCURRENTLY cannot run inside a transaction block"
        }
        if starts(with: "drop", "index", "concurrently") {
            return "DROP INDEX CONCURRENTLY cannot run inside a transaction block"
        }
        if starts(with: "reindex") && mentionsConcurrently {
            return "REINDEX CONCURRENTLY cannot run inside a transaction block"
        }
        if starts(with: "alter", "table") && words.contains("detach") && mentionsConcurrently {
            return "ALTER TABLE … DETACH PARTITION … CONCURRENTLY cannot run inside a transaction block"
        }
        if starts(with: "vacuum") {
            return "VACUUM cannot run inside a transaction block"
        }
        for object in ["database", "tablespace", "subscription"] {
            if starts(with: "create", object) || starts(with: "drop", object) {
                return "\(words[0].uppercased()) \(object.uppercased()) cannot run inside a transaction block"
            }
        }
        if starts(with: "alter", "system") {
            return "ALTER SYSTEM cannot run inside a transaction block"
        }
        if starts(with: "discard", "all") {
            return "DISCARD ALL cannot run inside a transaction block"
        }
        if let first = words.first {
            switch first {
            case "begin", "commit", "end", "abort":
                return "the file manages its own transactions (\(first.uppercased()))"
            case "start" where words.dropFirst().first == "transaction":
                return "the file manages its own transactions (START TRANSACTION)"
            case "rollback" where words.dropFirst().first != "to":
                return "the file manages its own transactions (ROLLBACK)"
            default:
                break
            }
        }
        return nil
    }
}
