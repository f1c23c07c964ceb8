import PostgresNIO

extension MigrationSession {
    /// Takes the advisory lock, waiting up to `timeout` (`nil`: forever) for another migrator.
    ///
    /// This polls `pg_try_advisory_lock` instead of blocking in `pg_advisory_lock` on purpose: a
    /// session blocked in `pg_advisory_lock` keeps a statement snapshot open for as long as it
    /// waits, and `CREATE INDEX CONCURRENTLY` run by the lock holder waits for every older snapshot
    /// to go away, so the two would wait on each other until the deadlock detector kills one.
    /// Short polls hold no snapshot between attempts.
    func acquireLock(timeout: Duration?) async throws {
        let key = lockKey
        let clock = ContinuousClock()
        let started = clock.now
        var delay = Duration.milliseconds(20)
        var announced = false
        while true {
            if try await tryLock(key) {
                logger.debug("took migration lock", metadata: ["key": "\(key)"])
                return
            }
            let waited = clock.now - started
            if let timeout, waited >= timeout {
                throw MigrationError.lockTimeout(
                    key: key.value,
                    timeoutSeconds: Double(timeout.components.seconds)
                        + Double(timeout.components.attoseconds) / 1e18)
            }
            if !announced {
                logger.info("waiting for another migrator to release the lock", metadata: ["key": "\(key)"])
                announced = true
            }
            var pause = delay
            if let timeout { pause = min(pause, timeout - waited) }
            try await Task.sleep(for: pause)
            delay = min(delay * 2, .milliseconds(500))
        }
    }

    /// Releases the lock; closing the connection would too, so failures are only logged.
    func releaseLock() async {
        do {
            try await execute("SELECT pg_advisory_unlock(\(lockKey.value))")
        } catch {
            logger.debug("pg_advisory_unlock failed", metadata: ["error": "\(Self.message(of: error))"])
        }
    }

    private func tryLock(_ key: AdvisoryLockKey) async throws -> Bool {
        do {
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key.value))", logger: logger)
            var acquired = false
            for try await row in rows {
                acquired = try row.decode(Bool.self)
            }
            return acquired
        } catch {
            throw Self.databaseError(error, operation: "taking the migration lock")
        }
    }
}
