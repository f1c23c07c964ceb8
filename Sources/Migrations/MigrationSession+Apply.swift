import PostgresNIO

extension MigrationSession {
    /// Runs one step's file and records its target version.
    ///
    /// Inside a transaction (the normal case) the file's statements and the version update commit
    /// together, so a failure leaves `current` recorded and clean. A file that cannot run in a
    /// transaction follows golang-migrate: mark the target version dirty, run, mark it clean.
    ///
    /// - Parameter current: The version recorded before the step, reported if it fails.
    func apply(_ step: MigrationStep, from current: Int64?) async throws -> AppliedMigration {
        let script = step.script
        let statements = script?.statements ?? []
        let reason = script?.outsideTransactionReason
        let clock = ContinuousClock()
        let started = clock.now
        logger.debug(
            "running migration",
            metadata: [
                "version": "\(step.migration.version)", "direction": "\(step.direction)",
                "file": "\(script?.fileName ?? "-")", "transaction": "\(reason == nil)",
            ])

        if let reason, let script {
            logger.info(
                "running migration outside a transaction", metadata: ["file": "\(script.fileName)", "reason": "\(reason)"])
            try await inTransaction(operation: "marking version dirty") {
                try await writeVersion(step.targetVersion, dirty: true)
            }
            for statement in statements {
                try await run(statement, of: script, versionAfterFailure: step.targetVersion ?? -1, leavesDirty: true)
            }
            try await inTransaction(operation: "marking version clean") {
                try await writeVersion(step.targetVersion, dirty: false)
            }
        } else {
            try await execute("BEGIN", operation: "starting the migration's transaction")
            do {
                if let script {
                    for statement in statements {
                        try await run(statement, of: script, versionAfterFailure: current, leavesDirty: false)
                    }
                }
                try await writeVersion(step.targetVersion, dirty: false)
            } catch {
                await rollback()
                throw error
            }
            do {
                try await execute("COMMIT")
            } catch {
                // Deferred constraints are checked at COMMIT; blame the file, not the migrator.
                await rollback()
                throw failure(error, file: script?.fileName ?? "COMMIT", statement: nil, versionAfterFailure: current, leavesDirty: false)
            }
        }

        return AppliedMigration(
            version: step.migration.version,
            title: step.migration.title,
            direction: step.direction,
            fileName: script?.fileName,
            versionAfter: step.targetVersion,
            inTransaction: reason == nil,
            statementCount: statements.count,
            duration: clock.now - started
        )
    }

    /// Runs one statement of a migration file, reporting failures at `file:line:column`.
    private func run(
        _ statement: SQLStatement, of script: MigrationScript, versionAfterFailure: Int64?, leavesDirty: Bool
    ) async throws {
        do {
            try await execute(PostgresQuery(unsafeSQL: statement.text))
        } catch {
            throw failure(
                error, file: script.fileName, statement: statement, versionAfterFailure: versionAfterFailure,
                leavesDirty: leavesDirty)
        }
    }

    private func failure(
        _ error: any Error, file: String, statement: SQLStatement?, versionAfterFailure: Int64?, leavesDirty: Bool
    ) -> any Error {
        if error is CancellationError { return error }
        var line = statement?.line
        var column: Int?
        guard let error = error as? PSQLError, let info = error.serverInfo else {
            return MigrationError.statementFailed(
                SQLFailure(
                    file: file, line: line, column: nil, message: Self.message(of: error), sqlState: nil,
                    detail: nil, hint: nil, versionAfterFailure: versionAfterFailure, leftDirty: leavesDirty))
        }
        if let statement, let position = info[.position].flatMap({ Int($0) }),
            let location = statement.fileLocation(ofPosition: position)
        {
            line = location.line
            column = location.column
        }
        return MigrationError.statementFailed(
            SQLFailure(
                file: file, line: line, column: column, message: info[.message] ?? "server error",
                sqlState: info[.sqlState], detail: info[.detail], hint: info[.hint], context: info[.locationContext],
                versionAfterFailure: versionAfterFailure, leftDirty: leavesDirty))
    }
}
