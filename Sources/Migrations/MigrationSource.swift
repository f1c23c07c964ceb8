/// The migrations of one folder, loaded and validated: the source a ``Migrator`` runs.
///
/// ```swift
/// let source = try MigrationSource(directory: "db/migration")
/// source.latestVersion  // 5
/// ```
public struct MigrationSource: Sendable {
    /// The folder the files were read from, as given (without a `file://` prefix).
    public let directory: String

    /// The migrations, ordered by version.
    public let migrations: [Migration]

    /// Creates a source from migrations built in memory; `directory` is only used in messages.
    ///
    /// - Throws: ``MigrationError/duplicateMigration(version:direction:files:)`` when two
    ///   migrations share a version.
    public init(directory: String, migrations: [Migration]) throws(MigrationError) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            let direction: MigrationDirection = previous.up != nil && next.up != nil ? .up : .down
            let files = [previous, next].compactMap { $0.script(direction)?.fileName }
            throw .duplicateMigration(version: next.version, direction: direction, files: files)
        }
        self.directory = directory
        self.migrations = sorted
    }

    /// The versions, ascending.
    public var versions: [Int64] { migrations.map(\.version) }

    /// The highest version, `nil` for an empty folder.
    public var latestVersion: Int64? { migrations.last?.version }

    /// The migration with `version`, if any.
    public func migration(version: Int64) -> Migration? {
        index(of: version).map { migrations[$0] }
    }

    /// The position of `version` in ``migrations``.
    func index(of version: Int64) -> Int? {
        // Binary search: folders with thousands of migrations exist.
        var low = 0
        var high = migrations.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = migrations[middle].version
            if candidate == version { return middle }
            if candidate < version { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
