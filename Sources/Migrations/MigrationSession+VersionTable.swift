import PostgresNIO

extension MigrationSession {
    /// Whether the bookkeeping table exists in the current schema.
    func versionTableExists() async throws -> Bool {
        do {
            let rows = try await connection.query(
                """
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = \(schema) AND tablename = \(table))
                """,
                logger: logger)
            var exists = false
            for try await row in rows {
                exists = try row.decode(Bool.self)
            }
            return exists
        } catch {
            throw Self.databaseError(error, operation: "looking for \(qualifiedTable)")
        }
    }

    /// Creates the bookkeeping table with golang-migrate's exact definition, unless it exists.
    ///
    /// Checking first, as golang-migrate does, lets a role without `CREATE` on the schema run
    /// migrations on a database that already has the table.
    func ensureVersionTable() async throws {
        guard try await !versionTableExists() else { return }
        try await execute(
            "CREATE TABLE IF NOT EXISTS \(unescaped: qualifiedTable) (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
            operation: "creating \(qualifiedTable)")
    }

    /// Reads the recorded version; `nil` when there is none (or no table).
    func readVersion() async throws -> SchemaVersion? {
        guard try await versionTableExists() else { return nil }
        do {
            let rows = try await connection.query(
                "SELECT version, dirty FROM \(unescaped: qualifiedTable) LIMIT 1", logger: logger)
            var state: SchemaVersion?
            for try await row in rows {
                let (version, dirty) = try row.decode((Int64, Bool).self)
                state = SchemaVersion(version: version, dirty: dirty)
            }
            // golang-migrate's "no version" is an empty table; a clean -1 row means the same.
            if let current = state, current.version == -1, !current.dirty { return nil }
            return state
        } catch {
            throw Self.databaseError(error, operation: "reading \(qualifiedTable)")
        }
    }

    /// Replaces the table's one row, as golang-migrate does (`TRUNCATE` then `INSERT`).
    ///
    /// `nil` means no version: the table is left empty, except when dirty, where golang-migrate
    /// records `-1` so that the dirt is not lost. The caller provides the transaction.
    func writeVersion(_ version: Int64?, dirty: Bool) async throws {
        let operation = "updating \(qualifiedTable)"
        try await execute("TRUNCATE \(unescaped: qualifiedTable)", operation: operation)
        guard version != nil || dirty else { return }
        let value = version ?? -1
        try await execute(
            "INSERT INTO \(unescaped: qualifiedTable) (version, dirty) VALUES (\(value), \(dirty))",
            operation: operation)
    }
}
