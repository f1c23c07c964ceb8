/// A migration file that ran, as reported by ``Migrator/up(steps:)`` and friends.
public struct AppliedMigration: Sendable, Hashable, CustomStringConvertible {
    /// The migration's version.
    public var version: Int64

    /// The migration's title, e.g. `init_schema`.
    public var title: String

    /// Which file ran.
    public var direction: MigrationDirection

    /// The file's name; `nil` when the migration has no file for this direction and only the
    /// version moved (allowed by golang-migrate).
    public var fileName: String?

    /// The version recorded afterwards; `nil` once the first migration was undone.
    public var versionAfter: Int64?

    /// Whether the file ran inside one transaction with the version update.
    public var inTransaction: Bool

    /// The number of statements the file held.
    public var statementCount: Int

    /// How long the file took, from the first statement to the version update.
    public var duration: Duration

    /// Creates a report.
    public init(
        version: Int64, title: String, direction: MigrationDirection, fileName: String?,
        versionAfter: Int64?, inTransaction: Bool, statementCount: Int, duration: Duration
    ) {
        self.version = version
        self.title = title
        self.direction = direction
        self.fileName = fileName
        self.versionAfter = versionAfter
        self.inTransaction = inTransaction
        self.statementCount = statementCount
        self.duration = duration
    }

    /// golang-migrate's line: `1/u init_schema (12.3ms)`.
    public var description: String {
        "\(version)/\(direction.shortName) \(title) (\(Self.format(duration)))"
    }

    /// Milliseconds with one decimal below ten seconds, seconds above.
    static func format(_ duration: Duration) -> String {
        let milliseconds =
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        if milliseconds < 10_000 {
            return "\((milliseconds * 10).rounded() / 10)ms"
        }
        return "\((milliseconds / 100).rounded() / 10)s"
    }
}
