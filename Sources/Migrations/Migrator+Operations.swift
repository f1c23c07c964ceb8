extension Migrator {
    /// Applies pending up migrations: all of them, or the next `steps`.
    ///
    /// Each file runs in its own transaction together with the version update, so a failure
    /// leaves the database at the last version that succeeded, clean. With `steps`, too few
    /// pending migrations is an error raised before anything runs.
    ///
    /// - Parameters:
    ///   - steps: How many migrations to apply; `nil` for all.
    ///   - onApplied: Called after each file, e.g. to print progress while later files run.
    /// - Returns: The migrations applied, in order; empty when there was nothing to do.
    /// - Throws: ``MigrationError`` (``MigrationError/dirty(version:retryVersion:directory:databaseURL:)``,
    ///   ``MigrationError/statementFailed(_:)``, …) or `CancellationError`: cancellation is honoured
    ///   between files, a file that has started runs to its end.
    @discardableResult
    public func up(steps: Int? = nil, onApplied: (AppliedMigration) -> Void = { _ in }) async throws
        -> [AppliedMigration]
    {
        try validate(steps: steps)
        return try await migrate(onApplied: onApplied) { current throws(MigrationError) in
            try source.upSteps(from: current, limit: steps)
        }
    }

    /// Undoes applied migrations, newest first: all of them, or the last `steps`.
    ///
    /// - Parameters:
    ///   - steps: How many migrations to undo; `nil` for all.
    ///   - onApplied: Called after each file.
    /// - Returns: The migrations undone, in the order they ran.
    @discardableResult
    public func down(steps: Int? = nil, onApplied: (AppliedMigration) -> Void = { _ in }) async throws
        -> [AppliedMigration]
    {
        try validate(steps: steps)
        return try await migrate(onApplied: onApplied) { current throws(MigrationError) in
            try source.downSteps(from: current, limit: steps)
        }
    }

    /// Migrates up or down until the database is at `version`, which must have a file.
    ///
    /// - Returns: The migrations run; empty when the database is already at `version`.
    /// - Throws: ``MigrationError/versionNotFound(version:directory:)`` among others.
    @discardableResult
    public func goto(_ version: Int64, onApplied: (AppliedMigration) -> Void = { _ in }) async throws
        -> [AppliedMigration]
    {
        try await migrate(onApplied: onApplied) { current throws(MigrationError) in
            try source.gotoSteps(from: current, to: version)
        }
    }

    /// Locks, refuses a dirty database, plans from the recorded version and runs the plan.
    private func migrate(
        onApplied: (AppliedMigration) -> Void,
        plan: (Int64?) throws(MigrationError) -> [MigrationStep]
    ) async throws -> [AppliedMigration] {
        try await withSession { session in
            try await session.ensureVersionTable()
            let state = try await session.readVersion()
            if let state, state.dirty {
                throw dirtyError(state.version)
            }
            var current = state?.version
            var applied: [AppliedMigration] = []
            for step in try plan(current) {
                try Task.checkCancellation()
                // A file that has started runs to its end even if the task is cancelled meanwhile
                // (an unstructured task does not inherit cancellation): stopping half-way would roll
                // it back, or leave the database dirty outside a transaction, for no gain.
                let from = current
                let result = try await Task { try await session.apply(step, from: from) }.value
                current = step.targetVersion
                applied.append(result)
                logger.info("\(result)")
                onApplied(result)
            }
            return applied
        }
    }

    /// The error for a dirty database, with the version to force so the migration runs again.
    ///
    /// golang-migrate marks the version a migration moves *to* as dirty, so for version V that is
    /// the version before V; for -1 (the first migration's down failed) it is the first version.
    func dirtyError(_ version: Int64) -> MigrationError {
        let retry =
            version == -1
            ? source.migrations.first?.version
            : source.migrations.last { $0.version < version }?.version ?? -1
        return .dirty(
            version: version, retryVersion: retry, directory: source.directory, databaseURL: databaseURLDescription)
    }

    private func validate(steps: Int?) throws(MigrationError) {
        if let steps, steps < 1 {
            throw .invalidArgument("the number of migrations to run must be at least 1, got \(steps)")
        }
    }
}
