extension MigrationSource {
    /// The steps that move a database at `current` up, at most `limit` of them.
    ///
    /// - Throws: ``MigrationError/unknownDatabaseVersion(version:directory:)`` when `current` has
    ///   no file; ``MigrationError/notEnoughMigrations(direction:requested:available:current:)`` when
    ///   `limit` exceeds what is pending (checked before anything runs, so `up 3` is all or nothing).
    func upSteps(from current: Int64?, limit: Int? = nil) throws(MigrationError) -> [MigrationStep] {
        let first = try position(after: current)
        let pending = migrations[first...].map { MigrationStep(migration: $0, direction: .up, targetVersion: $0.version) }
        return try limited(pending, to: limit, direction: .up, current: current)
    }

    /// The steps that move a database at `current` down, at most `limit` of them.
    func downSteps(from current: Int64?, limit: Int? = nil) throws(MigrationError) -> [MigrationStep] {
        guard let current else {
            return try limited([], to: limit, direction: .down, current: nil)
        }
        guard let top = index(of: current) else {
            throw .unknownDatabaseVersion(version: current, directory: directory)
        }
        let steps = (0...top).reversed().map { position in
            MigrationStep(
                migration: migrations[position],
                direction: .down,
                targetVersion: position > 0 ? migrations[position - 1].version : nil
            )
        }
        return try limited(steps, to: limit, direction: .down, current: current)
    }

    /// The steps that move a database at `current` to exactly `target`, up or down.
    ///
    /// - Throws: ``MigrationError/versionNotFound(version:directory:)`` when `target` has no file.
    func gotoSteps(from current: Int64?, to target: Int64) throws(MigrationError) -> [MigrationStep] {
        guard let targetPosition = index(of: target) else {
            throw .versionNotFound(version: target, directory: directory)
        }
        if let current, current > target {
            let steps = try downSteps(from: current)
            return Array(steps.prefix { $0.migration.version > target })
        }
        let steps = try upSteps(from: current)
        let first = try position(after: current)
        return Array(steps.prefix(max(0, targetPosition - first + 1)))
    }

    /// The position of the first migration after `current` (0 when there is no version yet).
    private func position(after current: Int64?) throws(MigrationError) -> Int {
        guard let current else { return 0 }
        guard let position = index(of: current) else {
            throw .unknownDatabaseVersion(version: current, directory: directory)
        }
        return position + 1
    }

    private func limited(
        _ steps: [MigrationStep], to limit: Int?, direction: MigrationDirection, current: Int64?
    ) throws(MigrationError) -> [MigrationStep] {
        guard let limit else { return steps }
        guard limit <= steps.count else {
            throw .notEnoughMigrations(direction: direction, requested: limit, available: steps.count, current: current)
        }
        return Array(steps.prefix(limit))
    }
}
