extension Migrator {
    /// The recorded version, or `nil` when no migration was applied ("no migration").
    ///
    /// Reads without taking the lock and without creating the bookkeeping table.
    public func version() async throws -> SchemaVersion? {
        try await withSession(locked: false) { session in
            try await session.readVersion()
        }
    }

    /// Records `version` as the current one and clears the dirty flag, without running any SQL
    /// of the migrations: the way out of a dirty database once it was repaired by hand.
    ///
    /// - Parameter version: Any version (it need not have a file, as in golang-migrate), or
    ///   `-1` for "no migration applied".
    /// - Throws: ``MigrationError/invalidArgument(_:)`` for versions below -1.
    public func force(_ version: Int64) async throws {
        guard version >= -1 else {
            throw MigrationError.invalidArgument(
                "cannot force version \(version): use a migration version, or -1 for no version")
        }
        try await withSession { session in
            try await session.ensureVersionTable()
            try await session.inTransaction(operation: "forcing version \(version)") {
                try await session.writeVersion(version == -1 ? nil : version, dirty: false)
            }
        }
    }
}
