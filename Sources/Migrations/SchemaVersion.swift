/// What the bookkeeping table `schema_migrations` records: the version and whether the
/// migration that set it stopped half-way.
public struct SchemaVersion: Sendable, Hashable, CustomStringConvertible {
    /// The version of the last migration applied (golang-migrate's semantics: while a migration
    /// runs outside a transaction, the version it is moving to, marked dirty).
    public var version: Int64

    /// `true` when a migration failed or was interrupted outside a transaction.
    public var dirty: Bool

    /// Creates a version record.
    public init(version: Int64, dirty: Bool) {
        self.version = version
        self.dirty = dirty
    }

    /// `3`, or `3 (dirty)`, as golang-migrate prints it.
    public var description: String { dirty ? "\(version) (dirty)" : "\(version)" }
}
